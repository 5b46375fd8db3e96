package io.camelksm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.camelksm.access.AccessMode;
import io.camelksm.audit.AuditEvent;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * The one fixture every component test builds its credentials, rights and audit trail with: a {@link KsmRuntime} on
 * the real embedded database (H2 file with its key file, in a temporary directory removed on close), audited
 * synchronously, without a read cache and without the write validator (tests store broken credentials on purpose).
 */
public final class KsmTestSupport implements AutoCloseable {

    /** The node name the tests give the component: the resource of every route caller. */
    public static final String NODE = "test-node";

    /** The operator on whose behalf the fixture creates and grants. */
    public static final Caller ADMIN = new Caller("test-admin", Set.of(), "ksm-test", NODE, null);

    private final Path directory;
    private final KsmRuntime runtime;
    private final GovernedCredentials governed;

    private KsmTestSupport(Path directory, KsmRuntime runtime) {
        this.directory = directory;
        this.runtime = runtime;
        this.governed = runtime.credentials();
    }

    public static KsmTestSupport create() {
        try {
            Path directory = Files.createTempDirectory("ksm-test");
            return new KsmTestSupport(directory, KsmRuntime.open(KsmSettings.builder().embeddedDatabase(directory)
                    .auditMode(AuditMode.SYNC).cacheTtl(Duration.ZERO).writeValidator(CredentialValidator.NONE)
                    .nodeName(NODE).build()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The runtime behind the fixture, for tests that read as a process ({@link KsmRuntime#forProcess}). */
    public KsmRuntime runtime() {
        return runtime;
    }

    /** Where the embedded database and its key file live. */
    public Path directory() {
        return directory;
    }

    public GovernedCredentials governed() {
        return governed;
    }

    /** Stores a new credential. */
    public Credential add(Credential credential) {
        return governed.create(credential, ADMIN);
    }

    /** Grants values of one dimension. */
    public KsmTestSupport grant(String credential, Dimension dimension, String... values) {
        for (String value : values) {
            governed.grant(CredentialName.of(credential), dimension, value, ADMIN);
        }
        return this;
    }

    /** Grants a credential to one role, one process (route id) and one resource (node). */
    public KsmTestSupport grant(String credential, String role, String process, String resource) {
        return grant(credential, Dimension.ROLE, role).grant(credential, Dimension.PROCESS, process)
                .grant(credential, Dimension.RESOURCE, resource);
    }

    /** Grants the write right (operation=set, setProperty) to one role, one process and one resource. */
    public KsmTestSupport grantWrite(String credential, String role, String process, String resource) {
        CredentialName name = CredentialName.of(credential);
        governed.grant(name, AccessMode.WRITE, Dimension.ROLE, role, ADMIN);
        governed.grant(name, AccessMode.WRITE, Dimension.PROCESS, process, ADMIN);
        governed.grant(name, AccessMode.WRITE, Dimension.RESOURCE, resource, ADMIN);
        return this;
    }

    /** Lets routes' writes change the credential's non-secret parts too. */
    public KsmTestSupport allowRouteMetadataWrites(String credential) {
        governed.allowRouteMetadataWrites(CredentialName.of(credential), true, ADMIN);
        return this;
    }

    /** Grants a credential to anyone in every dimension. */
    public KsmTestSupport grantAnyone(String credential) {
        return grant(credential, "*", "*", "*");
    }

    /** The stored credential as it is now (not access-checked, not audited). */
    public Credential stored(String name) {
        return governed.inspect(CredentialName.of(name)).orElseThrow();
    }

    /** The whole audit trail, oldest first. */
    public List<AuditEvent> audit() {
        return governed.audit().tail(10_000);
    }

    public AuditEvent lastAudit() {
        List<AuditEvent> all = audit();
        return all.get(all.size() - 1);
    }

    @Override
    public void close() {
        runtime.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
