package io.camelksm.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class CredentialTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Credential basic() {
        return Credential.builder("Api", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "Aladdin")
                .secret(CredentialField.PASSWORD, Secret.of("open sesame"))
                .property(CredentialProperty.plain("tenant", "acme"))
                .property(CredentialProperty.secret("pin", Secret.of("4711")))
                .build();
    }

    @Test
    void toStringShowsNamesButNoSecret() {
        String text = basic().toString();
        assertThat(text).contains("Api", "BASIC", "username=Aladdin", "password=******", "tenant=acme", "pin=******")
                .doesNotContain("open sesame").doesNotContain("4711");
    }

    @Test
    void requiresTheFieldsOfItsType() {
        assertThatThrownBy(() -> Credential.builder("Api", CredentialType.BEARER).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Credential 'Api' of type BEARER needs the field 'token'");
    }

    @Test
    void rejectsFieldsOfOtherTypesAndWrongSecrecy() {
        assertThatThrownBy(() -> Credential.builder("Api", CredentialType.BEARER).field(CredentialField.USERNAME, "x"))
                .hasMessageContaining("A BEARER credential has no field 'username'");
        assertThatThrownBy(() -> Credential.builder("Api", CredentialType.BASIC).field(CredentialField.PASSWORD, "x"))
                .hasMessageContaining("'password' is secret");
        assertThatThrownBy(() -> Credential.builder("Api", CredentialType.BASIC)
                .secret(CredentialField.USERNAME, Secret.of("x")))
                .hasMessageContaining("'username' is not secret");
    }

    @Test
    void expiredCredentialIsNotHandedOut() {
        Credential expired = basic().toBuilder().expiresAt(NOW.minusSeconds(1)).build();
        assertThatThrownBy(() -> expired.requireUsable(NOW)).isInstanceOf(CredentialUnavailableException.class)
                .hasMessage("Credential 'Api' expired at 2026-11-25T11:59:59Z");
        Credential notYet = basic().toBuilder().expiresAt(NOW.plusSeconds(1)).build();
        assertThat(notYet.requireUsable(NOW)).isSameAs(notYet);
    }

    @Test
    void invalidCredentialIsNotHandedOut() {
        Credential invalid = basic().toBuilder().invalidSince(Instant.parse("2026-11-01T00:00:00Z")).build();
        assertThatThrownBy(() -> invalid.requireUsable(NOW)).isInstanceOf(CredentialUnavailableException.class)
                .hasMessage("Credential 'Api' is marked invalid since 2026-11-01T00:00:00Z");
    }

    @Test
    void toBuilderKeepsEverything() {
        Credential copy = basic().toBuilder().version(7).build();
        assertThat(copy.field(CredentialField.USERNAME)).contains("Aladdin");
        assertThat(copy.secret(CredentialField.PASSWORD)).contains(Secret.of("open sesame"));
        assertThat(copy.properties()).containsOnlyKeys("tenant", "pin");
        assertThat(copy.version()).isEqualTo(7);
    }

    @Test
    void destroySecretsWipesFieldsAndSecretProperties() {
        Credential credential = basic();
        credential.destroySecrets();
        assertThat(credential.secret(CredentialField.PASSWORD).orElseThrow().isDestroyed()).isTrue();
        assertThat(credential.property("pin").orElseThrow().value().isDestroyed()).isTrue();
        assertThat(credential.property("tenant").orElseThrow().value().isDestroyed()).isFalse();
    }

    @Test
    void parsesTypesLeniently() {
        assertThat(CredentialType.parse(" oauth2-client-credentials ")).isEqualTo(CredentialType.OAUTH2_CLIENT_CREDENTIALS);
        assertThatThrownBy(() -> CredentialType.parse("KERBEROS")).hasMessageStartingWith("Unknown credential type 'KERBEROS'");
    }

    @Test
    void rejectsMalformedPropertyNames() {
        assertThatThrownBy(() -> CredentialProperty.plain("has space", "x"))
                .hasMessageContaining("Property name 'has space' is malformed");
    }
}
