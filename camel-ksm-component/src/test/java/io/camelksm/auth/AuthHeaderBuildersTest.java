package io.camelksm.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.camelksm.KsmException;
import io.camelksm.credential.CredentialType;

class AuthHeaderBuildersTest {

    @Test
    void basicAndBearerHaveBuilders() {
        assertThat(AuthHeaderBuilders.forType(CredentialType.BASIC)).isInstanceOf(BasicAuthHeader.class)
                .extracting(AuthHeaderBuilder::scheme).isEqualTo("Basic");
        assertThat(AuthHeaderBuilders.forType(CredentialType.BEARER)).isInstanceOf(BearerAuthHeader.class)
                .extracting(AuthHeaderBuilder::scheme).isEqualTo("Bearer");
    }

    @Test
    void oauth2TypesAreNotSupportedYet() {
        assertThatThrownBy(() -> AuthHeaderBuilders.forType(CredentialType.OAUTH2_CLIENT_CREDENTIALS))
                .isInstanceOf(KsmException.class).hasMessageStartingWith("OAUTH2_CLIENT_CREDENTIALS is not supported yet");
        assertThatThrownBy(() -> AuthHeaderBuilders.forType(CredentialType.OAUTH2_JWT_BEARER))
                .isInstanceOf(KsmException.class).hasMessageStartingWith("OAUTH2_JWT_BEARER is not supported yet");
    }

    @Test
    void fieldTypesPointToOperationGet() {
        for (CredentialType type : new CredentialType[] { CredentialType.GENERAL, CredentialType.DATA_GATEWAY }) {
            assertThatThrownBy(() -> AuthHeaderBuilders.forType(type)).isInstanceOf(KsmException.class)
                    .hasMessageContaining(type + " credentials have no authentication header")
                    .hasMessageContaining("use operation=get");
        }
    }

    @Test
    void everyTypeIsDecided() {
        for (CredentialType type : CredentialType.values()) {
            try {
                assertThat(AuthHeaderBuilders.forType(type)).isNotNull();
            } catch (KsmException e) {
                assertThat(e.getMessage()).startsWith(type.name());
            }
        }
    }
}
