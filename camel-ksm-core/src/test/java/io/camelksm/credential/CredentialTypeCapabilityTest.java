package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.camelksm.credential.CredentialType.Capability;

/** Each type says what a route gets from it; messages list the types by capability, so they follow a new type. */
class CredentialTypeCapabilityTest {

    @Test
    void eachTypeSaysWhatTheRouteGets() {
        assertThat(CredentialType.BASIC.capability()).isEqualTo(Capability.AUTH_HEADER);
        assertThat(CredentialType.BEARER.capability()).isEqualTo(Capability.AUTH_HEADER);
        assertThat(CredentialType.OAUTH2_CLIENT_CREDENTIALS.capability()).isEqualTo(Capability.OAUTH2_GRANT);
        assertThat(CredentialType.OAUTH2_JWT_BEARER.capability()).isEqualTo(Capability.OAUTH2_GRANT);
        assertThat(CredentialType.GENERAL.capability()).isEqualTo(Capability.FIELDS);
        assertThat(CredentialType.DATA_GATEWAY.capability()).isEqualTo(Capability.FIELDS);
        for (CredentialType type : CredentialType.values()) {
            assertThat(type.isOAuth2()).as(type.name()).isEqualTo(type.capability() == Capability.OAUTH2_GRANT);
            assertThat(type.handsOverFields()).as(type.name()).isEqualTo(type.capability() == Capability.FIELDS);
        }
    }

    @Test
    void namesByCapabilityReadAsAList() {
        assertThat(CredentialType.namesWith(Capability.OAUTH2_GRANT, "or"))
                .isEqualTo("OAUTH2_CLIENT_CREDENTIALS or OAUTH2_JWT_BEARER");
        assertThat(CredentialType.namesWith(Capability.FIELDS, "and")).isEqualTo("GENERAL and DATA_GATEWAY");
        assertThat(CredentialType.namesWith(Capability.AUTH_HEADER, "and")).isEqualTo("BASIC and BEARER");
    }
}
