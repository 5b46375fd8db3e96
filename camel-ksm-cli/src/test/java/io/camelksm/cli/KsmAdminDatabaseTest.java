package io.camelksm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.camelksm.access.AccessRights;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;

/**
 * {@code ksm-admin} against a real embedded H2 database in a temporary directory: every command, round trips checked
 * in the database itself, and no secret ever printed.
 */
class KsmAdminDatabaseTest extends AdminTestSupport {

    private static final String PASSWORD = "open sesame";
    private static final String NEW_PASSWORD = "Op3n-S3same-2!";
    private static final String API_KEY = "k-8f3a9c0e1d";

    @Override
    List<String> secrets() {
        return List.of(PASSWORD, NEW_PASSWORD, API_KEY, "MIIEvQ");
    }

    @Test
    void theDatabaseConnectionTimeoutIsAnOption() {
        KsmAdmin defaults = new KsmAdmin(SecretSource.system(), Map.of());
        KsmAdmin.commandLine(defaults).parseArgs("credential", "list");
        assertThat(defaults.databaseSettings().connectionTimeout()).isEqualTo(Duration.ofSeconds(5));
        KsmAdmin admin = new KsmAdmin(SecretSource.system(), Map.of());
        KsmAdmin.commandLine(admin).parseArgs("--db-connection-timeout", "2s", "credential", "list");
        assertThat(admin.databaseSettings().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));

        assertThat(userError("", "--db-connection-timeout", "100ms", "credential", "list").err())
                .contains("--db-connection-timeout must be at least 250ms, got 100ms");
        assertThat(userError("", "--db-connection-timeout", "soon", "credential", "list").err())
                .contains("'soon' is not a duration (e.g. 500ms, 5s, 2m)");
        ok("", "--db-connection-timeout", "1500ms", "credential", "list");
    }

    @Test
    void dbSchemaReachesTablesTheComponentKeptInTheApplicationsDataSource() {
        String url = "jdbc:h2:file:" + home.resolve("app");
        org.h2.jdbcx.JdbcDataSource app = new org.h2.jdbcx.JdbcDataSource();
        app.setURL(url);
        app.setUser("sa");
        // as the component with dataSource=#bean:app and the default databaseSchema
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.ofDataSource(app, null, home.resolve("ksm.key")))) {
            db.credentials().create(Credential.builder("InAppDb", io.camelksm.credential.CredentialType.BASIC)
                    .field(CredentialField.USERNAME, "svc").secret(CredentialField.PASSWORD, Secret.of(PASSWORD))
                    .build());
        }

        assertThat(ok("", "--db-url", url, "--db-schema", DatabaseSettings.DEFAULT_SCHEMA, "credential", "list")
                .out()).contains("InAppDb");
        assertThat(userError("", "--db-url", url, "--db-schema", "ksm;x", "credential", "list").err())
                .contains("--db-schema: The camel-ksm database schema must be a plain SQL name");
    }

    private Credential stored(String name) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            return db.credentials().find(CredentialName.of(name)).orElseThrow();
        }
    }

    private AccessRights rights(String name) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            return db.accessRights().rightsOf(CredentialName.of(name));
        }
    }

    private List<AuditEvent> audit(int count) {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            return db.auditTrail().tail(count);
        }
    }

    private void addExampleApi() {
        ok(PASSWORD + "\n", "credential", "add", "--name", "ExampleApi", "--type", "basic", "--username", "Aladdin",
                "--description", "the example API");
    }

    @Test
    void addStoresTheCredentialWithItsPasswordFromStandardInput() {
        AdminRun add = ok(PASSWORD + "\n", "credential", "add", "--name", "ExampleApi", "--type", "basic",
                "--username", "Aladdin", "--description", "the example API");

        assertThat(add.out()).contains("Created credential 'ExampleApi' (BASIC").contains("credential grant");
        Credential stored = stored("exampleapi");
        assertThat(stored.type()).isEqualTo(io.camelksm.credential.CredentialType.BASIC);
        assertThat(stored.field(CredentialField.USERNAME)).contains("Aladdin");
        assertThat(stored.secret(CredentialField.PASSWORD).orElseThrow().matches(Secret.of(PASSWORD))).isTrue();
        assertThat(stored.description()).isEqualTo("the example API");
        assertThat(rights("ExampleApi")).isEqualTo(AccessRights.DENY_ALL);
    }

    @Test
    void addReadsNamedSecretsAndSecretPropertiesInTheDocumentedOrder() {
        ok(NEW_PASSWORD + "\n" + API_KEY + "\n", "credential", "add", "--name", "Gateway", "--type",
                "data-gateway", "--username", "bot", "--target", "db01", "--secret-from-stdin", "password",
                "--secret-property", "apiKey", "--property", "region=eu-west", "--expires", "2099-01-31");

        Credential stored = stored("Gateway");
        assertThat(stored.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW_PASSWORD);
        assertThat(stored.property("apiKey").orElseThrow().secret()).isTrue();
        assertThat(stored.property("apiKey").orElseThrow().value().reveal()).isEqualTo(API_KEY);
        assertThat(stored.property("region").orElseThrow().displayValue()).isEqualTo("eu-west");
        assertThat(stored.field(CredentialField.TARGET)).contains("db01");
        assertThat(stored.expiresAt()).contains(java.time.Instant.parse("2099-01-31T00:00:00Z"));
    }

    @Test
    void addReadsAPemPrivateKeySpanningSeveralLines() {
        String pem = TestKeys.rsa(2048); // a real key: a credential whose key cannot sign is refused

        ok(pem, "credential", "add", "--name", "Graph", "--type", "oauth2_jwt_bearer", "--issuer", "bot@example",
                "--token-url", "https://login.example/token", "--key-id", "k1", "--algorithm", "RS256");

        assertThat(stored("Graph").secret(CredentialField.PRIVATE_KEY).orElseThrow().reveal()).isEqualTo(pem);
        assertThat(ok("", "credential", "show", "Graph").out()).contains("privateKey:", "******").contains("k1");
    }

    @Test
    void addStoresAJwtBearerCredentialWithClientAuthentication() {
        String pem = TestKeys.rsa(2048); // a real key: a key that cannot sign is refused when written

        ok(pem + API_KEY + "\n", "credential", "add", "--name", "Obo", "--type", "oauth2_jwt_bearer", "--issuer",
                "my-app", "--token-url", "https://login.example/token", "--client-id", "my-app",
                "--client-authentication-method", "client_secret_post", "--secret-from-stdin",
                "privateKey,clientSecret");

        Credential stored = stored("Obo");
        assertThat(stored.field(CredentialField.CLIENT_ID)).contains("my-app");
        assertThat(stored.field(CredentialField.CLIENT_AUTHENTICATION_METHOD)).contains("client_secret_post");
        assertThat(stored.secret(CredentialField.CLIENT_SECRET).orElseThrow().reveal()).isEqualTo(API_KEY);
        assertThat(stored.secret(CredentialField.PRIVATE_KEY).orElseThrow().reveal()).isEqualTo(pem);
        assertThat(ok("", "credential", "show", "Obo").out()).contains("clientSecret:", "******")
                .doesNotContain(API_KEY);
    }

    @Test
    void showListsMetadataFieldsPropertyNamesAndRightsButNoSecret() {
        ok(PASSWORD + "\n" + API_KEY + "\n", "credential", "add", "--name", "ExampleApi", "--type", "basic",
                "--username", "Aladdin", "--secret-property", "apiKey", "--property", "region=eu-west");
        ok("", "credential", "grant", "ExampleApi", "--role", "api-caller", "--process", "example-route",
                "--resource", "*");

        String show = ok("", "credential", "show", "exampleAPI").out();

        assertThat(show).contains("name:        ExampleApi", "type:        BASIC", "status:      ok",
                "expires:     never", "username:", "Aladdin", "password:", "******", "apiKey:", "region:", "eu-west",
                "roles:", "api-caller", "processes:", "example-route", "resources:", "any");
        assertThat(show).doesNotContain(PASSWORD, API_KEY);
    }

    @Test
    void listShowsNamesTypesAndStatus() {
        assertThat(ok("", "credential", "list").out()).contains("No credentials.");
        addExampleApi();
        ok("some-token\n", "credential", "add", "--name", "Old", "--type", "bearer", "--expires", "2001-01-01");
        ok("p\n", "credential", "add", "--name", "Parked", "--type", "general", "--username", "u", "--invalid");

        String list = ok("", "credential", "list").out();

        assertThat(list).contains("NAME", "TYPE", "EXPIRES", "STATUS");
        assertThat(lineOf(list, "ExampleApi")).contains("BASIC", "never", "ok");
        assertThat(lineOf(list, "Old")).contains("BEARER", "2001-01-01T00:00:00Z", "expired at");
        assertThat(lineOf(list, "Parked")).contains("GENERAL", "invalid since");
        assertThat(list).doesNotContain("some-token");
    }

    private static String lineOf(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start + " ")).findFirst().orElseThrow(
                () -> new AssertionError("no line starting with " + start + " in\n" + text));
    }

    @Test
    void duplicatesMalformedNamesAndIncompleteCredentialsAreUserErrors() {
        addExampleApi();

        assertThat(userError("other\n", "credential", "add", "--name", " exampleapi ", "--type", "basic",
                "--username", "x").err()).contains("already exists");
        assertThat(userError("x\n", "credential", "add", "--name", "bad|name", "--type", "basic", "--username",
                "x").err()).contains("'bad|name' is malformed");
        assertThat(userError("x\n", "credential", "add", "--name", "NoUser", "--type", "basic").err())
                .contains("needs the field 'username'").contains("--username");
        assertThat(userError("", "credential", "add", "--name", "NoInput", "--type", "basic", "--username", "u")
                .err()).contains("password of 'NoInput'").contains("input ended");
        assertThat(userError("x\n", "credential", "add", "--name", "WrongField", "--type", "bearer", "--username",
                "u").err()).contains("A BEARER credential has no field 'username'");

        assertThat(ok("", "credential", "list").out()).contains("ExampleApi").doesNotContain("NoUser", "NoInput",
                "WrongField");
    }

    @Test
    void updateChangesOnlyWhatIsGivenAndBumpsTheVersion() {
        addExampleApi();
        long before = stored("ExampleApi").version();

        AdminRun update = ok(NEW_PASSWORD + "\n", "credential", "update", "ExampleApi", "--secret-from-stdin",
                "password", "--property", "region=eu");

        assertThat(update.out()).contains("Updated credential 'ExampleApi'");
        Credential after = stored("ExampleApi");
        assertThat(after.version()).isGreaterThan(before);
        assertThat(after.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW_PASSWORD);
        assertThat(after.field(CredentialField.USERNAME)).contains("Aladdin");
        assertThat(after.description()).isEqualTo("the example API");
        assertThat(after.property("region").orElseThrow().displayValue()).isEqualTo("eu");

        ok("", "credential", "update", "ExampleApi", "--username", "Bob", "--expires", "2099-12-31T23:59:59Z",
                "--remove-property", "region");
        Credential changed = stored("ExampleApi");
        assertThat(changed.field(CredentialField.USERNAME)).contains("Bob");
        assertThat(changed.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(NEW_PASSWORD);
        assertThat(changed.properties()).isEmpty();
        assertThat(changed.expiresAt()).contains(java.time.Instant.parse("2099-12-31T23:59:59Z"));
    }

    @Test
    void updateMarksInvalidAndValidAgain() {
        addExampleApi();

        ok("", "credential", "update", "ExampleApi", "--invalid");
        assertThat(stored("ExampleApi").isInvalid()).isTrue();
        assertThat(ok("", "credential", "show", "ExampleApi").out()).contains("status:      invalid since");

        ok("", "credential", "update", "ExampleApi", "--valid", "--no-expiry");
        assertThat(stored("ExampleApi").isInvalid()).isFalse();
    }

    @Test
    void updateWithNothingToChangeOrOfAnUnknownCredentialIsAUserError() {
        addExampleApi();

        assertThat(userError("", "credential", "update", "ExampleApi").err()).contains("Nothing to change");
        assertThat(userError("", "credential", "update", "Nope", "--description", "x").err())
                .contains("Unknown credential 'Nope'");
        assertThat(userError("", "credential", "update", "ExampleApi", "--valid", "--invalid").err())
                .contains("contradict");
        assertThat(userError("", "credential", "update", "ExampleApi", "--clear-field", "username").err())
                .contains("required");
    }

    @Test
    void aConcurrentChangeMakesTheUpdateFailInsteadOfBeingOverwritten() {
        addExampleApi();
        // someone else changes the credential after ksm-admin read it, while it waits for the new password
        SecretSource racingOperator = new SecretSource() {
            @Override
            public Secret read(String label) {
                try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
                    Credential current = db.credentials().find(CredentialName.of("ExampleApi")).orElseThrow();
                    db.credentials().update(current.toBuilder().description("changed meanwhile").build());
                }
                return Secret.of(NEW_PASSWORD);
            }

            @Override
            public boolean interactive() {
                return false;
            }
        };

        AdminRun run = AdminRun.run(racingOperator, Map.of(), "--home", home.toString(), "credential", "update",
                "ExampleApi", "--secret-from-stdin", "password");
        runs.add(run);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_USER_ERROR);
        assertThat(run.err()).contains("'ExampleApi' was changed concurrently");
        Credential stored = stored("ExampleApi");
        assertThat(stored.description()).isEqualTo("changed meanwhile");
        assertThat(stored.secret(CredentialField.PASSWORD).orElseThrow().reveal()).isEqualTo(PASSWORD);
    }

    @Test
    void grantAndRevokeChangeTheRightsAndAreAudited() {
        addExampleApi();

        AdminRun grant = ok("", "credential", "grant", "ExampleApi", "--role", "api-caller", "--role", "ops",
                "--process", "example-route", "--resource", "*");
        assertThat(grant.out()).contains("Granted read role 'api-caller'", "Granted read resource '*'");
        AccessRights granted = rights("ExampleApi");
        assertThat(granted.roles().allowed()).containsExactlyInAnyOrder("api-caller", "ops");
        assertThat(granted.processes().allowed()).containsExactly("example-route");
        assertThat(granted.resources().any()).isTrue();

        ok("", "credential", "revoke", "ExampleApi", "--role", "ops", "--resource", "*");
        AccessRights revoked = rights("ExampleApi");
        assertThat(revoked.roles().allowed()).containsExactly("api-caller");
        assertThat(revoked.resources().any()).isFalse();

        assertThat(userError("", "credential", "revoke", "ExampleApi", "--role", "ops").err())
                .contains("Not granted").contains("read role 'ops'");
        assertThat(userError("", "credential", "grant", "Nope", "--role", "x").err())
                .contains("Unknown credential 'Nope'");
        assertThat(userError("", "credential", "grant", "ExampleApi").err()).contains("at least one");

        List<AuditEvent> events = audit(50);
        assertThat(events).filteredOn(e -> e.operation().equals("grant")).hasSize(4)
                .allSatisfy(e -> assertThat(e.process()).isEqualTo(AdminSession.PROCESS));
        assertThat(events).filteredOn(e -> e.operation().equals("revoke")).isNotEmpty();
    }

    @Test
    void writeRightsAreGrantedShownAndRevokedApartFromReadRights() {
        addExampleApi();
        ok("", "credential", "grant", "ExampleApi", "--role", "api-caller", "--process", "reader", "--resource", "*");

        AdminRun grant = ok("", "credential", "grant", "ExampleApi", "--write", "--role", "bots", "--process",
                "rotate", "--process", "rotate-2", "--resource", "node-1");

        assertThat(grant.out()).contains("Granted write role 'bots' on 'ExampleApi'.",
                "Granted write process 'rotate' on 'ExampleApi'.");
        AccessRights granted = rights("ExampleApi");
        assertThat(granted.write().processes().allowed()).containsExactly("rotate", "rotate-2");
        assertThat(granted.read().processes().allowed()).containsExactly("reader");
        assertThat(granted.routeMetadataWrites()).isFalse();

        String show = ok("", "credential", "show", "ExampleApi").out();
        String read = show.substring(show.indexOf("read right"), show.indexOf("write right"));
        String write = show.substring(show.indexOf("write right"));
        assertThat(read).contains("'api-caller'", "'reader'", "any ('*')").doesNotContain("rotate", "bots");
        assertThat(write).containsPattern("processes: +'rotate'\\R +'rotate-2'")
                .contains("'bots'", "'node-1'", "route writes may change:", "secret values and expiry only")
                .doesNotContain("reader");

        ok("", "credential", "grant", "ExampleApi", "--allow-route-metadata-writes");
        assertThat(rights("ExampleApi").routeMetadataWrites()).isTrue();
        assertThat(ok("", "credential", "show", "ExampleApi").out())
                .contains("secret values, expiry, non-secret fields and plain properties");

        ok("", "credential", "revoke", "ExampleApi", "--write", "--process", "rotate-2",
                "--allow-route-metadata-writes");
        AccessRights revoked = rights("ExampleApi");
        assertThat(revoked.write().processes().allowed()).containsExactly("rotate");
        assertThat(revoked.read().processes().allowed()).containsExactly("reader");
        assertThat(revoked.routeMetadataWrites()).isFalse();
        assertThat(userError("", "credential", "revoke", "ExampleApi", "--write", "--process", "reader").err())
                .contains("Not granted", "write process 'reader'");
        assertThat(userError("", "credential", "revoke", "ExampleApi", "--allow-route-metadata-writes").err())
                .contains("route metadata writes");

        List<AuditEvent> events = audit(50);
        assertThat(events).extracting(AuditEvent::reason).contains("granted write process 'rotate'",
                "revoked write process 'rotate-2'", "allowed route metadata writes");
    }

    @Test
    void aGrantedValueWithACommaIsRefusedAndTheRightsStayUnchanged() {
        addExampleApi();

        AdminRun refused = userError("", "credential", "grant", "ExampleApi", "--process", "r1,r2", "--role", "ops");

        assertThat(refused.err()).contains("The process 'r1,r2' contains a comma: give each process with its own"
                                           + " --process");
        assertThat(rights("ExampleApi")).isEqualTo(AccessRights.DENY_ALL);
        ok("", "credential", "grant", "ExampleApi", "--process", "r1", "--process", "r2");
        assertThat(rights("ExampleApi").processes().allowed()).containsExactly("r1", "r2");
    }

    @Test
    void deleteRemovesTheCredentialAndItsRights() {
        addExampleApi();
        ok("", "credential", "grant", "ExampleApi", "--role", "api-caller");

        assertThat(ok("", "credential", "delete", "ExampleApi").out()).contains("Deleted credential 'ExampleApi'");

        assertThat(userError("", "credential", "show", "ExampleApi").err()).contains("Unknown credential");
        assertThat(userError("", "credential", "delete", "ExampleApi").err()).contains("Unknown credential");
        assertThat(rights("ExampleApi")).isEqualTo(AccessRights.DENY_ALL);
    }

    @Test
    void auditTailPrintsTheNewestEventsWithTheAdministrator() {
        addExampleApi();
        ok("", "credential", "grant", "ExampleApi", "--process", "example-route");
        ok("", "credential", "delete", "ExampleApi");
        userError("", "credential", "delete", "ExampleApi");

        String tail = ok("", "audit", "tail", "-n", "3").out();

        List<String> lines = tail.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("GRANTED", "grant", "'ExampleApi'");
        assertThat(lines.get(1)).contains("GRANTED", "delete");
        assertThat(lines.get(2)).contains("FAILED", "delete", "Unknown credential");
        assertThat(lines).allSatisfy(line -> assertThat(line)
                .contains("principal=" + System.getProperty("user.name"), "process=ksm-admin"));

        assertThat(audit(10)).extracting(AuditEvent::outcome).contains(AuditOutcome.GRANTED, AuditOutcome.FAILED);
        assertThat(userError("", "audit", "tail", "-n", "0").err()).contains("between 1 and");
    }

    @Test
    void auditTailShowsHowManyDecisionsAMergedEntryStandsFor() {
        java.time.Instant first = java.time.Instant.parse("2026-11-25T10:00:00Z");
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(home))) {
            db.auditTrail().recordAll(List.of(
                    new AuditEvent(first, "ExampleApi", "authorize", "orders", "ex-1", null, java.util.Set.of(),
                            "orders", "node-1", AuditOutcome.GRANTED, "access granted", 3, first.plusMillis(2),
                            "ex-3"),
                    new AuditEvent(first.plusMillis(3), "ExampleApi", "authorize", "orders", "ex-4", null,
                            java.util.Set.of(), "orders", "node-1", AuditOutcome.GRANTED, "access granted")));
        }

        List<String> lines = ok("", "audit", "tail", "-n", "2").out().lines().toList();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("2026-11-25T10:00:00Z x 3 until 2026-11-25T10:00:00.002Z"
                                            + " (exchanges ex-1..ex-3) GRANTED authorize");
        assertThat(lines.get(1)).startsWith("2026-11-25T10:00:00.003Z GRANTED authorize").doesNotContain(" x ");
    }

    @Test
    void globalOptionsWorkAfterTheSubcommandToo() {
        addExampleApi();

        AdminRun run = AdminRun.run("", "credential", "list", "--home", home.toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("ExampleApi");
    }

    @Test
    void anUnreachableDatabaseIsAFailureWithExitCode2AndNoPassword() {
        String dbPassword = "pg-Secret-Passw0rd";

        AdminRun run = AdminRun.run("", Map.of(KsmAdmin.PASSWORD_VARIABLE, dbPassword), "--db-url",
                "jdbc:postgresql://127.0.0.1:1/ksm?connectTimeout=2", "--db-user", "ksm", "--key-file",
                home.resolve("ksm.key").toString(), "credential", "list");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(KsmAdmin.EXIT_FAILURE);
        assertThat(run.err()).startsWith("ksm-admin: failed: ").doesNotContain(dbPassword);
    }
}
