package io.camelksm.store.keeper;

import static io.camelksm.store.keeper.KeeperTestSupport.find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/**
 * Record to credential conventions, end to end: records served by the fake backend, decrypted by the real SDK, read by
 * the store.
 */
class KeeperRecordMappingTest {

    private final FakeKeeperBackend keeper = new FakeKeeperBackend();
    private KeeperCredentialStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private KeeperCredentialStore storeWith(KeeperStoreSettings.Builder settings) {
        store = KeeperTestSupport.store(keeper, settings.build());
        return store;
    }

    private static String secret(Credential c, CredentialField f) {
        return c.secret(f).map(Secret::reveal).orElseThrow();
    }

    @Test
    void loginRecordIsBasicByDefault() {
        String uid = keeper.add(FakeRecord.login("ServiceNow bot", "bot@example.com", "pa55-w0rd")
                .field("url", "https://example.service-now.com"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("servicenow", uid)), "servicenow");

        assertThat(c.type()).isEqualTo(CredentialType.BASIC);
        assertThat(c.field(CredentialField.USERNAME)).contains("bot@example.com");
        assertThat(secret(c, CredentialField.PASSWORD)).isEqualTo("pa55-w0rd");
        assertThat(c.description()).isEqualTo("ServiceNow bot");
        assertThat(c.version()).isEqualTo(keeper.revision(uid));
        assertThat(c.properties()).isEmpty();
        assertThat(c.toString()).doesNotContain("pa55-w0rd");
    }

    @Test
    void generalByCustomFieldOrByMappingOption() {
        String declared = keeper.add(FakeRecord.login("SAP GUI", "RPA01", "s3cret").custom("text", "ksm.type",
                "general"));
        String plain = keeper.add(FakeRecord.login("Mainframe", "TSO1", "m41n"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("sap", declared)
                .credential("mainframe", plain, CredentialType.GENERAL));

        Credential sap = find(s, "sap");
        assertThat(sap.type()).isEqualTo(CredentialType.GENERAL);
        assertThat(sap.field(CredentialField.USERNAME)).contains("RPA01");
        assertThat(secret(sap, CredentialField.PASSWORD)).isEqualTo("s3cret");
        assertThat(sap.properties()).as("ksm.* fields are reserved, not properties").isEmpty();
        assertThat(find(s, "mainframe").type()).isEqualTo(CredentialType.GENERAL);
    }

    @Test
    void mappingOptionOverridesTheRecordsType() {
        String uid = keeper.add(FakeRecord.login("x", "u", "p").custom("text", "ksm.type", "GENERAL"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("x", uid, CredentialType.BASIC)), "x");
        assertThat(c.type()).isEqualTo(CredentialType.BASIC);
    }

    @Test
    void oauth2ClientCredentialsFromCustomFields() {
        String uid = keeper.add(FakeRecord.of("login", "Graph app")
                .custom("text", "ksm.type", "OAUTH2_CLIENT_CREDENTIALS")
                .custom("text", "clientId", "3f2a-client")
                .custom("secret", "clientSecret", "graph-secret")
                .custom("url", "tokenUrl", "https://login.example.com/oauth2/v2.0/token")
                .custom("text", "scope", "https://graph.microsoft.com/.default")
                .custom("text", "audience", "api://graph")
                .custom("text", "tenant", "contoso"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("graph", uid)), "graph");

        assertThat(c.type()).isEqualTo(CredentialType.OAUTH2_CLIENT_CREDENTIALS);
        assertThat(c.field(CredentialField.CLIENT_ID)).contains("3f2a-client");
        assertThat(secret(c, CredentialField.CLIENT_SECRET)).isEqualTo("graph-secret");
        assertThat(c.field(CredentialField.TOKEN_URL)).contains("https://login.example.com/oauth2/v2.0/token");
        assertThat(c.field(CredentialField.SCOPE)).contains("https://graph.microsoft.com/.default");
        assertThat(c.field(CredentialField.AUDIENCE)).contains("api://graph");
        assertThat(c.properties().keySet()).containsExactly("tenant");
        assertThat(c.property("tenant").orElseThrow().secret()).isFalse();
        assertThat(c.property("tenant").orElseThrow().displayValue()).isEqualTo("contoso");
    }

    @Test
    void oauth2ClientCredentialsFallsBackToStandardLoginPasswordAndUrl() {
        String uid = keeper.add(FakeRecord.login("Salesforce", "connected-app-key", "connected-app-secret")
                .field("url", "https://login.salesforce.com/services/oauth2/token")
                .custom("text", "ksm.type", "oauth2-client-credentials"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("sf", uid)), "sf");

        assertThat(c.field(CredentialField.CLIENT_ID)).contains("connected-app-key");
        assertThat(secret(c, CredentialField.CLIENT_SECRET)).isEqualTo("connected-app-secret");
        assertThat(c.field(CredentialField.TOKEN_URL)).contains("https://login.salesforce.com/services/oauth2/token");
    }

    @Test
    void jwtBearerWithPrivateKeyInSecretCustomField() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg...\n-----END PRIVATE KEY-----";
        String uid = keeper.add(FakeRecord.of("login", "SAP BTP")
                .custom("text", "ksm.type", "OAUTH2_JWT_BEARER")
                .custom("text", "issuer", "rpa-client")
                .custom("text", "subject", "bot@example.com")
                .custom("url", "tokenUrl", "https://auth.example.com/token")
                .custom("secret", "privateKey", pem)
                .custom("text", "keyId", "key-2026")
                .custom("text", "algorithm", "RS256")
                .custom("text", "assertionLifetime", "PT2M"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("btp", uid)), "btp");

        assertThat(c.type()).isEqualTo(CredentialType.OAUTH2_JWT_BEARER);
        assertThat(c.field(CredentialField.ISSUER)).contains("rpa-client");
        assertThat(c.field(CredentialField.SUBJECT)).contains("bot@example.com");
        assertThat(c.field(CredentialField.TOKEN_URL)).contains("https://auth.example.com/token");
        assertThat(secret(c, CredentialField.PRIVATE_KEY)).isEqualTo(pem);
        assertThat(c.field(CredentialField.KEY_ID)).contains("key-2026");
        assertThat(c.field(CredentialField.ALGORITHM)).contains("RS256");
        assertThat(c.field(CredentialField.ASSERTION_LIFETIME)).contains("PT2M");
    }

    @Test
    void jwtBearerWithPrivateKeyFromKeyPairField() {
        String uid = keeper.add(FakeRecord.of("sshKeys", "Service account")
                .field("login", "svc-issuer")
                .keyPair("PUBLIC-PEM", "PRIVATE-PEM")
                .custom("text", "ksm.type", "OAUTH2_JWT_BEARER")
                .custom("url", "tokenUrl", "https://auth.example.com/token"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("svc", uid)), "svc");

        assertThat(c.field(CredentialField.ISSUER)).as("issuer falls back to login").contains("svc-issuer");
        assertThat(secret(c, CredentialField.PRIVATE_KEY)).isEqualTo("PRIVATE-PEM");
        assertThat(c.field(CredentialField.CLIENT_ID)).as("the login is the issuer, not a client id").isEmpty();
    }

    @Test
    void jwtBearerClientAuthenticationComesFromLabelledCustomFieldsOnly() {
        String plain = keeper.add(FakeRecord.login("OBO", "obo-issuer", "a-password")
                .keyPair("PUBLIC-PEM", "PRIVATE-PEM")
                .custom("text", "ksm.type", "OAUTH2_JWT_BEARER")
                .custom("url", "tokenUrl", "https://auth.example.com/token"));
        String labelled = keeper.add(FakeRecord.login("OBO client", "obo-issuer", "a-password")
                .keyPair("PUBLIC-PEM", "PRIVATE-PEM")
                .custom("text", "ksm.type", "OAUTH2_JWT_BEARER")
                .custom("url", "tokenUrl", "https://auth.example.com/token")
                .custom("text", "clientId", "obo-client")
                .custom("secret", "clientSecret", "obo-secret")
                .custom("text", "clientAuthenticationMethod", "client_secret_post"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("plain", plain)
                .credential("labelled", labelled));

        Credential p = find(s, "plain");
        assertThat(p.field(CredentialField.ISSUER)).contains("obo-issuer");
        assertThat(p.field(CredentialField.CLIENT_ID)).isEmpty();
        assertThat(p.secret(CredentialField.CLIENT_SECRET)).isEmpty();
        Credential l = find(s, "labelled");
        assertThat(l.field(CredentialField.CLIENT_ID)).contains("obo-client");
        assertThat(secret(l, CredentialField.CLIENT_SECRET)).isEqualTo("obo-secret");
        assertThat(l.field(CredentialField.CLIENT_AUTHENTICATION_METHOD)).contains("client_secret_post");
    }

    @Test
    void bearerFromTokenCustomFieldOrFromPassword() {
        String tokenField = keeper.add(FakeRecord.of("general", "GitHub token")
                .custom("text", "ksm.type", "BEARER").custom("secret", "token", "ghp_abc"));
        String password = keeper.add(FakeRecord.login("API key as password", "ignored", "key-123")
                .custom("text", "ksm.type", "bearer"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("github", tokenField)
                .credential("api", password));

        assertThat(find(s, "github").type()).isEqualTo(CredentialType.BEARER);
        assertThat(secret(find(s, "github"), CredentialField.TOKEN)).isEqualTo("ghp_abc");
        assertThat(secret(find(s, "api"), CredentialField.TOKEN)).isEqualTo("key-123");
    }

    @Test
    void dataGatewayWithTarget() {
        String uid = keeper.add(FakeRecord.login("DB gateway", "dbuser", "dbpass")
                .custom("text", "ksm.type", "DATA_GATEWAY").custom("text", "target", "jdbc:postgresql://db:5432/x"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("gw", uid)), "gw");

        assertThat(c.type()).isEqualTo(CredentialType.DATA_GATEWAY);
        assertThat(c.field(CredentialField.USERNAME)).contains("dbuser");
        assertThat(secret(c, CredentialField.PASSWORD)).isEqualTo("dbpass");
        assertThat(c.field(CredentialField.TARGET)).contains("jdbc:postgresql://db:5432/x");
    }

    @Test
    void customFieldWithTheCamelKsmNameWinsOverTheStandardField() {
        String uid = keeper.add(FakeRecord.login("x", "standard-user", "standard-pass")
                .custom("text", "username", "custom-user"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("x", uid)), "x");
        assertThat(c.field(CredentialField.USERNAME)).contains("custom-user");
        assertThat(secret(c, CredentialField.PASSWORD)).isEqualTo("standard-pass");
    }

    @Test
    void otherCustomFieldsBecomePropertiesHiddenTypesSecret() {
        String uid = keeper.add(FakeRecord.login("Bot", "u", "p")
                .custom("text", "Environment", "PROD")
                .custom("secret", "API Key", "k-999")
                .custom("pinCode", "pin", "1234")
                .custom("multiline", "comment", "line1\nline2")
                .custom("text", "empty")
                .custom("text", "ksm.internal", "reserved"));
        Credential c = find(storeWith(KeeperStoreSettings.builder().credential("bot", uid)), "bot");

        assertThat(c.properties().keySet()).containsExactly("Environment", "API_Key", "pin", "comment");
        CredentialProperty env = c.property("Environment").orElseThrow();
        assertThat(env.secret()).isFalse();
        assertThat(env.displayValue()).isEqualTo("PROD");
        CredentialProperty apiKey = c.property("API_Key").orElseThrow();
        assertThat(apiKey.secret()).isTrue();
        assertThat(apiKey.value().reveal()).isEqualTo("k-999");
        assertThat(c.property("pin").orElseThrow().secret()).isTrue();
        assertThat(c.property("comment").orElseThrow().value().reveal()).isEqualTo("line1\nline2");
        assertThat(c.toString()).doesNotContain("k-999").doesNotContain("1234");
    }

    @Test
    void expiryFromIsoTextOrKeeperDateField() {
        String iso = keeper.add(FakeRecord.login("a", "u", "p").custom("text", "ksm.expiresAt",
                "2026-12-31T23:00:00Z"));
        String date = keeper.add(FakeRecord.login("b", "u", "p").customDate("ksm.expiresAt", 1_800_000_000_000L));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("a", iso).credential("b", date));

        assertThat(find(s, "a").expiresAt()).contains(Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(find(s, "b").expiresAt()).contains(Instant.ofEpochMilli(1_800_000_000_000L));
    }

    @Test
    void singleValueNotationMakesABearerCredential() {
        String uid = keeper.add(FakeRecord.login("Webhook", "u", "the-token")
                .keyPair("PUB", "PRIV")
                .custom("secret", "API Token", "custom-token")
                .notes("note-token"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder()
                .credential("pw", "keeper://" + uid + "/field/password")
                .credential("custom", "keeper://" + uid + "/custom_field/API Token")
                .credential("pair", uid + "/field/keyPair[privateKey]")
                .credential("notes", "keeper://" + uid + "/notes"));

        for (String name : new String[] { "pw", "custom", "pair", "notes" }) {
            assertThat(find(s, name).type()).isEqualTo(CredentialType.BEARER);
        }
        assertThat(secret(find(s, "pw"), CredentialField.TOKEN)).isEqualTo("the-token");
        assertThat(secret(find(s, "custom"), CredentialField.TOKEN)).isEqualTo("custom-token");
        assertThat(secret(find(s, "pair"), CredentialField.TOKEN)).isEqualTo("PRIV");
        assertThat(secret(find(s, "notes"), CredentialField.TOKEN)).isEqualTo("note-token");
        assertThat(keeper.getSecretCalls()).as("one fetch serves all credentials of the record").isEqualTo(1);
    }

    @Test
    void missingRequiredFieldNamesRecordCredentialAndFieldButNoValue() {
        String uid = keeper.add(FakeRecord.of("login", "Half").field("login", "only-user")
                .custom("secret", "other", "do-not-print"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("half", uid));

        assertThatThrownBy(() -> s.find(CredentialName.of("half")))
                .isInstanceOf(KeeperRecordMappingException.class)
                .hasMessageContaining("'" + uid + "'").hasMessageContaining("'half'")
                .hasMessageContaining("'password'").hasMessageContaining("BASIC")
                .hasMessageNotContaining("only-user").hasMessageNotContaining("do-not-print");
    }

    @Test
    void missingTokenUrlOfOauthRecord() {
        String uid = keeper.add(FakeRecord.of("login", "No URL").custom("text", "ksm.type",
                "OAUTH2_CLIENT_CREDENTIALS").custom("text", "clientId", "cid"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("nourl", uid));
        assertThatThrownBy(() -> s.find(CredentialName.of("nourl")))
                .isInstanceOf(KeeperRecordMappingException.class)
                .hasMessageContaining("'tokenUrl'").hasMessageContaining(uid).hasMessageContaining("'url'");
    }

    @Test
    void unknownKsmTypeIsAClearError() {
        String uid = keeper.add(FakeRecord.login("x", "u", "p").custom("text", "ksm.type", "KERBEROS"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("x", uid));
        assertThatThrownBy(() -> s.find(CredentialName.of("x")))
                .isInstanceOf(KeeperRecordMappingException.class)
                .hasMessageContaining("KERBEROS").hasMessageContaining(uid).hasMessageContaining("ksm.type");
    }

    @Test
    void nonLoginRecordWithoutTypeAsksForOne() {
        String uid = keeper.add(FakeRecord.of("encryptedNotes", "Note").field("note", "hello"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("note", uid));
        assertThatThrownBy(() -> s.find(CredentialName.of("note")))
                .isInstanceOf(KeeperRecordMappingException.class)
                .hasMessageContaining("encryptedNotes").hasMessageContaining("keeper.credentials.note.type");
    }

    @Test
    void notationThatSelectsNothingNamesIt() {
        String uid = keeper.add(FakeRecord.login("x", "u", "p"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder()
                .credential("tok", "keeper://" + uid + "/custom_field/missing")
                .credential("idx", "keeper://" + uid + "/field/password[3]"));
        assertThatThrownBy(() -> s.find(CredentialName.of("tok")))
                .isInstanceOf(KeeperRecordMappingException.class)
                .hasMessageContaining(uid).hasMessageContaining("custom_field/missing")
                .hasMessageContaining("'tok'");
        assertThatThrownBy(() -> s.find(CredentialName.of("idx")))
                .isInstanceOf(KeeperRecordMappingException.class).hasMessageContaining("no index 3")
                .hasMessageNotContaining("p'");
    }

    @Test
    void eachFindHandsOutFreshSecretsTheCallerMayWipe() {
        String uid = keeper.add(FakeRecord.login("x", "u", "p4ss").custom("secret", "extra", "e"));
        KeeperCredentialStore s = storeWith(KeeperStoreSettings.builder().credential("x", uid));
        Credential first = find(s, "x");
        first.destroySecrets();
        Credential second = find(s, "x");
        assertThat(secret(second, CredentialField.PASSWORD)).isEqualTo("p4ss");
        assertThat(second.property("extra").orElseThrow().value().reveal()).isEqualTo("e");
    }
}
