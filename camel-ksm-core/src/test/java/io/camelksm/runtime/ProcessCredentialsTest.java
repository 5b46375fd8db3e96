package io.camelksm.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.access.KsmAccessDeniedException;
import io.camelksm.audit.AuditEvent;
import io.camelksm.audit.AuditOutcome;
import io.camelksm.auth.oauth2.AccessToken;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.auth.oauth2.TokenProviderStatistics;
import io.camelksm.auth.oauth2.TokenRequestOptions;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** Governed reads by a process name, on a real embedded database opened by the runtime. */
class ProcessCredentialsTest {

    private static final String NODE = "node-a";
    private static final String PROCESS = "my-connector";
    private static final Caller ADMIN = new Caller("admin", Set.of(), "ksm-admin", NODE, null);

    @TempDir
    Path dir;

    private final RecordingTokenProvider tokens = new RecordingTokenProvider();
    private KsmRuntime runtime;
    private ProcessCredentials process;

    @BeforeEach
    void open() {
        runtime = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(dir).auditMode(AuditMode.SYNC).nodeName(NODE)
                .givenTokenProvider(tokens).build());
        process = runtime.forProcess(PROCESS);
        runtime.credentials().create(Credential.builder("Crm", CredentialType.DATA_GATEWAY)
                .field(CredentialField.USERNAME, "svc-crm").secret(CredentialField.PASSWORD, Secret.of("crm-pw"))
                .field(CredentialField.TARGET, "https://crm.example")
                .property(CredentialProperty.plain("tenant", "t-42")).build(), ADMIN);
        grant("Crm", PROCESS);
        runtime.credentials().create(Credential.builder("Portal", CredentialType.BASIC)
                .field(CredentialField.USERNAME, "u").secret(CredentialField.PASSWORD, Secret.of("portal-pw"))
                .build(), ADMIN);
        grant("Portal", PROCESS);
        runtime.credentials().create(Credential.builder("Locked", CredentialType.BEARER)
                .secret(CredentialField.TOKEN, Secret.of("locked-token")).build(), ADMIN);
        grant("Locked", "another-process");
    }

    @AfterEach
    void close() {
        runtime.close();
    }

    private void grant(String credential, String grantedProcess) {
        CredentialName name = CredentialName.of(credential);
        runtime.credentials().grant(name, Dimension.ROLE, "*", ADMIN);
        runtime.credentials().grant(name, Dimension.PROCESS, grantedProcess, ADMIN);
        runtime.credentials().grant(name, Dimension.RESOURCE, NODE, ADMIN);
    }

    private AuditEvent lastAudit() {
        List<AuditEvent> all = runtime.credentials().audit().tail(100);
        return all.get(all.size() - 1);
    }

    @Test
    void grantedReadGivesFieldsSecretsAndPropertiesAuditedAsTheProcessOnThisNode() {
        CredentialName crm = CredentialName.of("Crm");

        assertThat(process.field(crm, "username")).isEqualTo("svc-crm");
        assertThat(process.field(crm, "password")).isEqualTo("crm-pw");
        assertThat(process.field(crm, "tenant")).isEqualTo("t-42");

        AuditEvent event = lastAudit();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.GRANTED);
        assertThat(event.operation()).isEqualTo("get");
        assertThat(event.credential()).isEqualTo("Crm");
        assertThat(event.process()).isEqualTo(PROCESS);
        assertThat(event.resource()).isEqualTo(NODE);
        assertThat(process.caller().roles()).isEmpty();
    }

    @Test
    void deniedReadIsRefusedAndAudited() {
        assertThatThrownBy(() -> process.field(CredentialName.of("Locked"), "token"))
                .isInstanceOf(KsmAccessDeniedException.class).hasMessageContaining("'Locked'")
                .hasMessageContaining("process '" + PROCESS + "'").hasMessageNotContaining("locked-token");

        AuditEvent event = lastAudit();
        assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(event.process()).isEqualTo(PROCESS);
    }

    @Test
    void unknownFieldIsNamed() {
        assertThatThrownBy(() -> process.field(CredentialName.of("Crm"), "colour")).isInstanceOf(KsmException.class)
                .hasMessage("Credential 'Crm' of type DATA_GATEWAY has no field or property 'colour'");
        assertThatThrownBy(() -> process.field(CredentialName.of("Portal"), "token"))
                .hasMessage("Credential 'Portal' of type BASIC has no field or property 'token'");
    }

    @Test
    void tokenIsRefusedForBasicWithoutRevealingIt() {
        assertThatThrownBy(() -> process.token(CredentialName.of("Portal"), TokenRequestOptions.none()))
                .isInstanceOf(KsmException.class).hasMessageContaining("Credential 'Portal' is of type BASIC")
                .hasMessageNotContaining("portal-pw");
        assertThat(tokens.asked).isEmpty();
        assertThat(lastAudit().operation()).isEqualTo("authorize");
    }

    @Test
    void tokenOfAnOAuthCredentialComesFromTheTokenProvider() {
        runtime.credentials().create(Credential.builder("Api", CredentialType.OAUTH2_CLIENT_CREDENTIALS)
                .field(CredentialField.CLIENT_ID, "client-1").secret(CredentialField.CLIENT_SECRET, Secret.of("cs"))
                .field(CredentialField.TOKEN_URL, "http://127.0.0.1:9/token").build(), ADMIN);
        grant("Api", PROCESS);

        AccessToken token = process.token(CredentialName.of("Api"), TokenRequestOptions.scope("read"));

        assertThat(token.value().reveal()).isEqualTo("token-for-client-1");
        assertThat(tokens.asked).containsExactly("client-1 scope=read");
        assertThat(lastAudit().operation()).isEqualTo("authorize");
        assertThat(lastAudit().outcome()).isEqualTo(AuditOutcome.GRANTED);
    }

    @Test
    void aProcessNameIsNeeded() {
        assertThatThrownBy(() -> runtime.forProcess(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("process name");
    }

    /** Answers every token request with a token named after the client id, and remembers what was asked. */
    static final class RecordingTokenProvider implements OAuth2TokenProvider {
        final List<String> asked = new ArrayList<>();
        boolean closed;

        @Override
        public AccessToken token(Credential credential, TokenRequestOptions options) {
            String clientId = credential.field(CredentialField.CLIENT_ID).orElseThrow();
            asked.add(clientId + " scope=" + options.scope());
            return new AccessToken(Secret.of("token-for-" + clientId), Instant.now(), Instant.now().plusSeconds(60),
                    options.scope());
        }

        @Override
        public void evict(CredentialName credential) {
            // nothing cached
        }

        @Override
        public boolean evict(AccessToken rejected) {
            return false;
        }

        @Override
        public TokenProviderStatistics statistics() {
            return null;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
