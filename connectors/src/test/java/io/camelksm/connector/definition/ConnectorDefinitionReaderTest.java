package io.camelksm.connector.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading a definition: the model, and for every rule an error naming file, line and field. */
class ConnectorDefinitionReaderTest {

    private static final String GITHUB = """
            name: github
            description: GitHub REST API
            baseUrl: https://api.github.com
            timeouts:
              http: 30s
              authorization: 500ms
            headers:
              Accept: application/vnd.github+json
            parameters:
              per_page: 50
            authentication:
              type: bearer
              credential: GitHub
              allowedCredentials: [GitHub, GitHubReadOnly]
            actions:
              - name: getRepository
                method: GET
                path: /repos/{owner}/{repo}
                parameters:
                  - { name: owner, required: true }
                  - { name: repo, required: true }
                  - { name: state, default: open }
                query:
                  state: "{state}"
                timeout: 2m
                outputs:
                  fullName: $.full_name
            """;

    @Test
    void readsTheModel() {
        ConnectorDefinition definition = ConnectorDefinitionReader.read("connectors/github.yaml", GITHUB);

        assertThat(definition.name()).isEqualTo("github");
        assertThat(definition.source()).isEqualTo("connectors/github.yaml");
        assertThat(definition.timeouts()).isEqualTo(new Timeouts(Duration.ofSeconds(30), Duration.ofMillis(500)));
        assertThat(definition.parameters()).containsEntry("per_page", "50");
        Authentication auth = definition.authentication();
        assertThat(auth.type()).isEqualTo(AuthenticationType.BEARER);
        assertThat(auth.offers("GitHubReadOnly")).isTrue();
        assertThat(auth.offers("Other")).isFalse();
        Action action = definition.action("getRepository").orElseThrow();
        assertThat(action.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(action.parameters()).containsExactly(new ActionParameter("owner", null, true, null),
                new ActionParameter("repo", null, true, null), new ActionParameter("state", null, false, "open"));
        assertThat(action.outputs()).containsEntry("fullName", "$.full_name");
    }

    @Test
    void durations() {
        assertThat(Timeouts.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Timeouts.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Timeouts.parseDuration("0s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Timeouts.parseDuration("5 days")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badYaml() {
        assertError(GITHUB.replace("  type: bearer", "  type: [bearer"), 13, "", "not valid YAML");
    }

    @Test
    void duplicateKey() {
        assertError(GITHUB.replace("  type: bearer", "  type: bearer\n  type: basic"), 13, "", "not valid YAML");
    }

    @Test
    void methodNotInTheEnum() {
        assertError(GITHUB.replace("method: GET", "method: FETCH"), 17, "actions[0].method",
                "must be one of GET, POST, PUT, PATCH, DELETE");
        assertThatThrownBy(() -> read(GITHUB.replace("method: GET", "method: FETCH")))
                .hasMessage("connectors/github.yaml:17: actions[0].method: must be one of GET, POST, PUT, PATCH, DELETE");
    }

    @Test
    void missingRequiredField() {
        assertError(GITHUB.replace("    method: GET\n", ""), 16, "actions[0].method", "is required");
    }

    @Test
    void unknownField() {
        assertError(GITHUB.replace("    timeout: 2m", "    timeout: 2m\n    retries: 3"), 26, "actions[0].retries",
                "is not a field");
    }

    @Test
    void badName() {
        assertError(GITHUB.replace("name: github", "name: GitHub"), 1, "name", "must match");
    }

    @Test
    void badDuration() {
        assertError(GITHUB.replace("http: 30s", "http: 30 seconds"), 5, "timeouts.http", "must match");
    }

    @Test
    void undeclaredParameter() {
        assertError(GITHUB.replace("state: \"{state}\"", "state: \"{status}\""), 24, "actions[0].query.state",
                "{status} is not a declared parameter");
        assertError(GITHUB.replace("/repos/{owner}/{repo}", "/repos/{owner}/{name}"), 18, "actions[0].path",
                "{name} is not a declared parameter");
    }

    @Test
    void undeclaredParameterInCommonHeaders() {
        assertError(GITHUB.replace("Accept: application/vnd.github+json", "X-Org: \"{org}\""), 8, "headers.X-Org",
                "{org} is not a declared parameter of action 'getRepository'");
    }

    @Test
    void camelPlaceholdersAndJsonBracesAreNotParameters() {
        assertThat(Placeholders.names("{{github.version}} {\"a\": \"{x}\"}")).containsExactly("x");
    }

    @Test
    void duplicateActionName() {
        String twice = GITHUB + """
                  - name: getRepository
                    method: GET
                    path: /x
                """;
        assertError(twice, 28, "actions[1].name", "duplicate action name 'getRepository' (also actions[0])");
    }

    @Test
    void credentialTokenOutsideCustom() {
        assertError(GITHUB.replace("Accept: application/vnd.github+json", "X-Key: \"[Credential.Password]\""), 8,
                "headers.X-Key", "allowed only in authentication.custom");
    }

    @Test
    void customTokenNotOneOfTheFourForms() {
        String custom = GITHUB.replace("""
                  type: bearer
                  credential: GitHub
                  allowedCredentials: [GitHub, GitHubReadOnly]
                """, """
                  type: custom
                  credential: Weather
                  custom:
                    headers:
                      X-Api-Key: "[Credential.Secret]"
                """);
        assertError(custom, 16, "authentication.custom.headers.X-Api-Key",
                "'[Credential.Secret]' is not a credential token");
        ConnectorDefinition ok = read(custom.replace("[Credential.Secret]", "k=[Credential.Property.key.v1]"));
        assertThat(ok.authentication().custom().headers()).containsEntry("X-Api-Key", "k=[Credential.Property.key.v1]");
        assertThat(CredentialTokens.tokens("[Credential.Property.key.v1]"))
                .containsExactly(new CredentialTokens.Token("Property", "key.v1"));
    }

    @Test
    void badJsonPath() {
        assertError(GITHUB.replace("fullName: $.full_name", "fullName: $.full_name.."), 27,
                "actions[0].outputs.fullName", "not a JSONPath");
    }

    @Test
    void authenticationTypeWithoutCredential() {
        assertError(GITHUB.replace("  credential: GitHub\n", "").replace("  allowedCredentials: [GitHub, GitHubReadOnly]\n", ""),
                12, "authentication.credential", "is required for type bearer");
    }

    @Test
    void allowedCredentialsWithoutTheDefault() {
        assertError(GITHUB.replace("[GitHub, GitHubReadOnly]", "[GitHubReadOnly]"), 14,
                "authentication.allowedCredentials", "must contain the default credential 'GitHub'");
    }

    @Test
    void baseUrlMustBeAbsoluteHttps() {
        assertError(GITHUB.replace("https://api.github.com", "api.github.com"), 3, "baseUrl",
                "must be an absolute http(s) URL");
        assertError(GITHUB.replace("https://api.github.com", "ftp://api.github.com"), 3, "baseUrl",
                "must be an absolute http(s) URL");
        assertError(GITHUB.replace("https://api.github.com", "\"{{gh.url:ftp://x}}\""), 3, "baseUrl",
                "must be an absolute http(s) URL");
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertError(GITHUB.replace("https://api.github.com", "http://api.github.com"), 3, "baseUrl",
                "plain http is allowed only to a loopback host");
        for (String loopback : List.of("http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:9")) {
            assertThat(read(GITHUB.replace("https://api.github.com", loopback)).baseUrl()).isEqualTo(loopback);
        }
        assertThat(read(GITHUB.replace("https://api.github.com", "\"{{gh.url}}\"")).baseUrl())
                .as("checked once Camel resolved it").isEqualTo("{{gh.url}}");
    }

    @Test
    void oauthOptionsOnlyForOAuthTypes() {
        assertError(GITHUB.replace("  type: bearer", "  type: bearer\n  scope: repo"), 13, "authentication.scope",
                "applies to the oauth2-* types only");
    }

    private static ConnectorDefinition read(String yaml) {
        return ConnectorDefinitionReader.read("connectors/github.yaml", yaml);
    }

    private static void assertError(String yaml, int line, String field, String problem) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOfSatisfying(ConnectorDefinitionException.class, e -> {
            assertThat(e.source()).isEqualTo("connectors/github.yaml");
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(problem);
            assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
        });
    }
}
