package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.camelksm.auth.oauth2.ClientAuthenticationMethod;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * What {@code credential add} and {@code update} refuse before anything is stored: secrets that would be plain
 * properties, left-over standard input, credentials that would fail at their first exchange, confusable names.
 */
class CredentialWriteChecksTest extends AdminTestSupport {

    private static final String SECRET = "s3cr3t-Value-42";
    private static final String TOKEN_URL = "https://login.example/token";

    @Override
    List<String> secrets() {
        return List.of(SECRET, "MII");
    }

    private Optional<Credential> stored(String name) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            return db.credentials().find(CredentialName.of(name));
        }
    }

    // ---- secret-looking properties

    @Test
    void aPropertyWhoseNameLooksSecretIsRefusedOnTheCommandLine() {
        for (String name : List.of("password", "dbPassword", "api-key", "clientSecret", "x.token", "simPin")) {
            AdminRun run = userError("open sesame\n", "credential", "add", "--name", "Api", "--type", "basic",
                    "--username", "bot", "--property", name + "=" + SECRET);

            assertThat(run.err()).as(name).contains("Property '" + name + "' looks secret", "--secret-property "
                    + name, "--public-property");
        }
        assertThat(stored("Api")).isEmpty();
    }

    @Test
    void aSecretLookingPropertyMarkedPublicIsStoredPlainAndOtherPropertiesStayPlain() {
        ok("open sesame\n", "credential", "add", "--name", "Api", "--type", "basic", "--username", "bot",
                "--public-property", "keyVault=eu-1", "--property", "region=eu-west", "--property", "monkey=yes");

        Credential api = stored("Api").orElseThrow();
        assertThat(api.property("keyVault").orElseThrow().secret()).isFalse();
        assertThat(api.property("region").orElseThrow().secret()).isFalse();
        assertThat(api.property("monkey").orElseThrow().secret()).isFalse();
        assertThat(ok("", "credential", "show", "Api").out()).contains("keyVault", "eu-1", "region", "eu-west");
    }

    @Test
    void aSecretLookingPropertyGoesThroughStandardInputAsASecret() {
        ok("open sesame\n" + SECRET + "\n", "credential", "add", "--name", "Api", "--type", "basic", "--username",
                "bot", "--secret-property", "password2");

        assertThat(stored("Api").orElseThrow().property("password2").orElseThrow().secret()).isTrue();
    }

    // ---- OAuth 2.0 client credentials: the secret, standard input, the method

    @Test
    void clientCredentialsReadTheClientSecretByDefault() {
        ok(SECRET + "\n", "credential", "add", "--name", "Graph", "--type", "oauth2-client-credentials",
                "--client-id", "app-1", "--token-url", TOKEN_URL);

        assertThat(stored("Graph").orElseThrow().secret(CredentialField.CLIENT_SECRET).orElseThrow().reveal())
                .isEqualTo(SECRET);
    }

    @Test
    void clientCredentialsWithoutASecretAreRefused() {
        AdminRun run = userError("", "credential", "add", "--name", "Graph", "--type", "oauth2-client-credentials",
                "--client-id", "app-1", "--token-url", TOKEN_URL);

        assertThat(run.err()).contains("Expected the clientSecret of 'Graph' on standard input");
        assertThat(stored("Graph")).isEmpty();
    }

    @Test
    void aSecretPipedButNotAskedForIsAnErrorAndNothingIsStored() {
        AdminRun run = userError("open sesame\n" + SECRET + "\n", "credential", "add", "--name", "Api", "--type",
                "basic", "--username", "bot");

        assertThat(run.err()).contains("Standard input holds more than the secret values asked for",
                "nothing was stored", "--secret-from-stdin");
        assertThat(stored("Api")).isEmpty();
    }

    @Test
    void updateRefusesLeftOverStandardInputToo() {
        ok("open sesame\n", "credential", "add", "--name", "Api", "--type", "basic", "--username", "bot");

        userError(SECRET + "\n", "credential", "update", "Api", "--description", "rotated?");

        assertThat(stored("Api").orElseThrow().description()).isEmpty();
    }

    @Test
    void aMistypedClientAuthenticationMethodIsRefusedBeforeAnySecretIsRead() {
        AdminRun run = userError(SECRET + "\n", "credential", "add", "--name", "Graph", "--type",
                "oauth2-client-credentials", "--client-id", "app-1", "--token-url", TOKEN_URL,
                "--client-authentication-method", "client_secret_bsic");

        assertThat(run.err()).contains("Unknown client authentication method 'client_secret_bsic'",
                "client_secret_basic, client_secret_post, private_key_jwt, client_secret_jwt");
        assertThat(stored("Graph")).isEmpty();
    }

    @Test
    void aMethodWithoutTheSecretItNeedsIsRefusedWithTheExchangesMessage() {
        AdminRun run = userError(TestKeys.rsa(2048), "credential", "add", "--name", "Graph", "--type",
                "oauth2-client-credentials", "--client-id", "app-1", "--token-url", TOKEN_URL,
                "--client-authentication-method", "client_secret_post", "--secret-from-stdin", "privateKey");

        assertThat(run.err()).contains("Cannot request a token for credential 'Graph'",
                "client_secret_post needs the field 'clientSecret'");
        assertThat(stored("Graph")).isEmpty();
    }

    @Test
    void theHelpListsEveryClientAuthenticationMethodThatWorks() {
        String help = AdminRun.run("", "credential", "add", "--help").out().replaceAll("\\s+", " ");

        for (ClientAuthenticationMethod method : ClientAuthenticationMethod.values()) {
            assertThat(help).contains(method.registeredName());
        }
    }

    // ---- private keys checked when written

    @Test
    void aPkcs1KeyIsRefusedWhenWritten() {
        AdminRun run = userError(TestKeys.rsaPkcs1(), "credential", "add", "--name", "Sf", "--type",
                "oauth2-jwt-bearer", "--issuer", "bot", "--token-url", TOKEN_URL);

        assertThat(run.err()).contains("Cannot request a token for credential 'Sf'", "PKCS#1", "openssl pkcs8");
        assertThat(stored("Sf")).isEmpty();
    }

    @Test
    void anEcKeyOnTheWrongCurveIsRefusedWhenWritten() {
        AdminRun run = userError(TestKeys.ec("secp384r1"), "credential", "add", "--name", "Sf", "--type",
                "oauth2-jwt-bearer", "--issuer", "bot", "--token-url", TOKEN_URL, "--algorithm", "ES256");

        assertThat(run.err()).contains("ES256 needs an EC key on the P-256 curve");
        assertThat(stored("Sf")).isEmpty();
    }

    @Test
    void aShortRsaKeyIsRefusedWhenWritten() {
        AdminRun run = userError(TestKeys.rsa(1024), "credential", "add", "--name", "Graph", "--type",
                "oauth2-client-credentials", "--client-id", "app-1", "--token-url", TOKEN_URL,
                "--client-authentication-method", "private_key_jwt");

        assertThat(run.err()).contains("RS256 needs an RSA key of at least 2048 bits");
        assertThat(stored("Graph")).isEmpty();
    }

    @Test
    void goodKeysAreStored() {
        ok(TestKeys.ec("secp256r1"), "credential", "add", "--name", "Sf", "--type", "oauth2-jwt-bearer", "--issuer",
                "bot", "--token-url", TOKEN_URL, "--algorithm", "ES256");
        ok(TestKeys.rsa(2048), "credential", "add", "--name", "Graph", "--type", "oauth2-client-credentials",
                "--client-id", "app-1", "--token-url", TOKEN_URL, "--client-authentication-method", "private_key_jwt");

        assertThat(stored("Sf")).isPresent();
        assertThat(stored("Graph").orElseThrow().secret(CredentialField.PRIVATE_KEY)).isPresent();
    }

    @Test
    void updateChecksTheKeyToo() {
        ok(TestKeys.rsa(2048), "credential", "add", "--name", "Sf", "--type", "oauth2-jwt-bearer", "--issuer",
                "bot", "--token-url", TOKEN_URL);

        AdminRun run = userError(TestKeys.rsa(1024), "credential", "update", "Sf", "--secret-from-stdin",
                "privateKey");

        assertThat(run.err()).contains("at least 2048 bits");
    }

    // ---- names

    @Test
    void aNameThatLooksLikeAnExistingOneIsRefused() {
        ok("open sesame\n", "credential", "add", "--name", "ServiceNow", "--type", "basic", "--username", "bot");

        assertThat(userError("open sesame\n", "credential", "add", "--name", "Servicen0w", "--type", "basic",
                "--username", "bot").err()).contains("looks like the existing credential 'ServiceNow'");
        assertThat(userError("open sesame\n", "credential", "add", "--name", "Service\u041Dow", "--type", "basic",
                "--username", "bot").err()).contains("mixes scripts (Latin, Cyrillic)");
        assertThat(stored("Servicen0w")).isEmpty();
    }

    @Test
    void aDecomposedNameIsTheComposedName() {
        ok("open sesame\n", "credential", "add", "--name", "Caf\u0065\u0301", "--type", "basic", "--username", "bot");

        assertThat(stored("Caf\u00E9")).isPresent();
    }

    @Test
    void aNameWithALineBreakAndABidiOverrideIsEscapedInTheError() {
        AdminRun run = userError("open sesame\n", "credential", "add", "--name",
                "Api\n2026-12-06 INFO access granted \u202Eevil", "--type", "basic", "--username", "bot");

        assertThat(run.err()).contains("Api\\u000A2026-12-06 INFO access granted \\u202Eevil")
                .doesNotContain("\u202E");
        assertThat(run.err().strip().lines()).hasSize(1);
    }
}
