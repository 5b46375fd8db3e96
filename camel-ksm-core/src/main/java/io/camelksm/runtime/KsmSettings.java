package io.camelksm.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.camelksm.audit.AuditTrail;
import io.camelksm.audit.JournalSettings;
import io.camelksm.auth.oauth2.OAuth2CredentialValidator;
import io.camelksm.auth.oauth2.OAuth2Settings;
import io.camelksm.auth.oauth2.OAuth2TokenProvider;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.SchemeSettings;

/**
 * Everything {@link KsmRuntime#open(KsmSettings)} needs, each default written once, here or in the part's own settings
 * ({@link DatabaseSettings}, {@link JournalSettings}, {@link OAuth2Settings}). Immutable; made by {@link #builder()}.
 * The component's options, the CLI's flags and the Spring Boot properties all end up in one of these.
 */
public final class KsmSettings {

    /** The default auditMode as written in options (a compile-time constant for option annotations). */
    public static final String DEFAULT_AUDIT_MODE_OPTION = "journal";
    public static final AuditMode DEFAULT_AUDIT_MODE = AuditMode.parse(DEFAULT_AUDIT_MODE_OPTION);
    /** The default store as written in options (a compile-time constant for option annotations). */
    public static final String DEFAULT_STORE_OPTION = "database";
    public static final StoreKind DEFAULT_STORE = StoreKind.parse(DEFAULT_STORE_OPTION);
    /** How long a credential and its rights, once read, are reused before the database is asked again. */
    public static final long DEFAULT_CACHE_TTL_MS = 5_000;
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMillis(DEFAULT_CACHE_TTL_MS);
    /**
     * How long before its expiry a credential in use is warned about (log, health check detail): 14 days, long enough
     * to renew a credential through a change process that takes a week or two. Zero turns the warnings off.
     */
    public static final long DEFAULT_EXPIRY_WARNING_MS = 14L * 24 * 60 * 60 * 1000;
    public static final Duration DEFAULT_EXPIRY_WARNING = Duration.ofMillis(DEFAULT_EXPIRY_WARNING_MS);
    /** The node name when none is given and the host name cannot be found. */
    public static final String FALLBACK_NODE_NAME = "localhost";
    /** The default tokenSharing as written in options (a compile-time constant for option annotations). */
    public static final String DEFAULT_TOKEN_SHARING_OPTION = "node";
    public static final TokenSharing DEFAULT_TOKEN_SHARING = TokenSharing.parse(DEFAULT_TOKEN_SHARING_OPTION);
    /** Refuses, when it is written, a credential that would fail at its first exchange. */
    public static final CredentialValidator DEFAULT_WRITE_VALIDATOR = OAuth2CredentialValidator.INSTANCE;

    private final DatabaseSettings database;
    private final AuditMode auditMode;
    private final AuditTrail auditTrail;
    private final JournalSettings journal;
    private final Duration cacheTtl;
    private final Duration expiryWarning;
    private final CredentialValidator writeValidator;
    private final StoreKind store;
    private final CredentialStore credentialStore;
    private final KeeperSettings keeper;
    private final OAuth2Settings oauth2;
    private final Clock clock;
    private final String nodeName;
    private final GovernedCredentials givenCredentials;
    private final OAuth2TokenProvider givenTokenProvider;
    private final SchemeSettings schemes;
    private final boolean changeNotices;
    private final TokenSharing tokenSharing;

    private KsmSettings(Builder b) {
        this.database = b.database != null ? b.database : DatabaseSettings.embeddedDefaults();
        this.auditMode = b.auditMode != null ? b.auditMode : DEFAULT_AUDIT_MODE;
        this.auditTrail = b.auditTrail;
        this.journal = b.journal != null ? b.journal : JournalSettings.of(defaultJournalDirectory(database));
        this.cacheTtl = b.cacheTtl != null ? b.cacheTtl : DEFAULT_CACHE_TTL;
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("cacheTtl must not be negative, got " + cacheTtl.toMillis() + " ms");
        }
        this.expiryWarning = b.expiryWarning != null ? b.expiryWarning : DEFAULT_EXPIRY_WARNING;
        if (expiryWarning.isNegative()) {
            throw new IllegalArgumentException("expiryWarning must not be negative, got " + expiryWarning.toMillis()
                                               + " ms");
        }
        this.writeValidator = b.writeValidator != null ? b.writeValidator : DEFAULT_WRITE_VALIDATOR;
        this.store = b.store != null ? b.store : DEFAULT_STORE;
        this.credentialStore = b.credentialStore;
        this.keeper = b.keeper != null ? b.keeper : KeeperSettings.none();
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.oauth2 = b.oauth2 != null ? b.oauth2 : OAuth2Settings.builder().clock(clock).build();
        this.nodeName = b.nodeName == null || b.nodeName.isBlank() ? FALLBACK_NODE_NAME : b.nodeName.strip();
        this.givenCredentials = b.givenCredentials;
        this.givenTokenProvider = b.givenTokenProvider;
        this.schemes = new SchemeSettings(b.schemeKeyDirectory, b.schemeHsm);
        this.changeNotices = b.changeNotices;
        this.tokenSharing = b.tokenSharing != null ? b.tokenSharing : DEFAULT_TOKEN_SHARING;
        if (credentialStore != null && store == StoreKind.KEEPER) {
            throw new IllegalArgumentException("Set either credentialStore or store=keeper, not both");
        }
        if (givenCredentials != null && (credentialStore != null || store == StoreKind.KEEPER)) {
            throw new IllegalArgumentException("A given governedCredentials brings its own store: do not set"
                                               + " credentialStore or store=keeper with it");
        }
    }

    /** The audit journal's default home: {@code audit-journal} next to the database's key file. */
    public static Path defaultJournalDirectory(DatabaseSettings database) {
        Path parent = database.keyFile().toAbsolutePath().getParent();
        return (parent != null ? parent : DatabaseSettings.defaultHome()).resolve("audit-journal");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The embedded defaults (H2 and key file under {@code ~/.camel-ksm}, journal, database store). */
    public static KsmSettings defaults() {
        return builder().build();
    }

    public DatabaseSettings database() {
        return database;
    }

    /** Where the keys of SERVER and HSM encryption schemes are found on this node. */
    public SchemeSettings schemes() {
        return schemes;
    }

    public AuditMode auditMode() {
        return auditMode;
    }

    /**
     * An audit trail of the caller's own, used instead of the writer {@link #auditMode()} names (which is then
     * ignored), or null; it stays its maker's to close.
     */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public JournalSettings journal() {
        return journal;
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    /**
     * How long before its expiry a credential in use is warned about (zero: never); applies to the governed
     * credentials the runtime opens (given ones keep their own window).
     */
    public Duration expiryWarning() {
        return expiryWarning;
    }

    /** Checks every credential before it is created or changed; {@link CredentialValidator#NONE} checks nothing. */
    public CredentialValidator writeValidator() {
        return writeValidator;
    }

    public StoreKind store() {
        return store;
    }

    /** A store of the application's own for the secret values, or null; it stays its owner's to close. */
    public CredentialStore credentialStore() {
        return credentialStore;
    }

    public KeeperSettings keeper() {
        return keeper;
    }

    public OAuth2Settings oauth2() {
        return oauth2;
    }

    public Clock clock() {
        return clock;
    }

    /** This node's name: the resource that access rights are checked against. */
    public String nodeName() {
        return nodeName;
    }

    /** Governed credentials made elsewhere, used instead of opening the database; its maker closes it. */
    public GovernedCredentials givenCredentials() {
        return givenCredentials;
    }

    /** A token provider made elsewhere, used instead of creating one; its maker closes it. */
    public OAuth2TokenProvider givenTokenProvider() {
        return givenTokenProvider;
    }

    /**
     * Whether, on PostgreSQL, this node listens for the changes other nodes and {@code ksm-admin} make (default true):
     * a grant, revoke, credential update or scheme change then applies here as soon as it commits, instead of within
     * {@link #cacheTtl()}. Costs one database connection per node. Off for connection poolers in transaction mode
     * (PgBouncer), which cannot keep a {@code LISTEN}. Without effect on H2 (one process).
     */
    public boolean changeNotices() {
        return changeNotices;
    }

    /** Whether OAuth 2.0 tokens are cached per node (default) or shared by the nodes on one PostgreSQL database. */
    public TokenSharing tokenSharing() {
        return tokenSharing;
    }

    @Override
    public String toString() {
        return "KsmSettings[database=" + database + ", auditMode="
               + (auditTrail != null ? "given " + auditTrail : auditMode.option()) + ", journal="
               + journal.directory() + ", cacheTtl=" + cacheTtl.toMillis() + " ms, expiryWarning="
               + expiryWarning.toMillis() + " ms, store=" + store.option()
               + (credentialStore != null ? ", credentialStore=" + credentialStore : "")
               + (store == StoreKind.KEEPER ? ", keeper=" + keeper : "")
               + (schemes.hsm() != null ? ", schemeHsm=" + schemes.hsm() : "") + ", nodeName=" + nodeName
               + ", changeNotices=" + changeNotices + ", tokenSharing=" + tokenSharing.option() + "]";
    }

    public static final class Builder {

        private DatabaseSettings database;
        private AuditMode auditMode;
        private AuditTrail auditTrail;
        private JournalSettings journal;
        private Duration cacheTtl;
        private Duration expiryWarning;
        private CredentialValidator writeValidator;
        private StoreKind store;
        private CredentialStore credentialStore;
        private KeeperSettings keeper;
        private OAuth2Settings oauth2;
        private Clock clock;
        private String nodeName;
        private GovernedCredentials givenCredentials;
        private OAuth2TokenProvider givenTokenProvider;
        private Path schemeKeyDirectory;
        private HsmKeySettings schemeHsm;
        private boolean changeNotices = true;
        private TokenSharing tokenSharing;

        private Builder() {
        }

        /** Default true: see {@link KsmSettings#changeNotices()}. */
        public Builder changeNotices(boolean changeNotices) {
            this.changeNotices = changeNotices;
            return this;
        }

        /** Default: {@link #DEFAULT_TOKEN_SHARING}; {@link TokenSharing#CLUSTER} needs a PostgreSQL database. */
        public Builder tokenSharing(TokenSharing tokenSharing) {
            this.tokenSharing = tokenSharing;
            return this;
        }

        /** The directory of SERVER schemes' key files ({@code <scheme id>.key}); default: the key file's directory. */
        public Builder schemeKeyDirectory(Path schemeKeyDirectory) {
            this.schemeKeyDirectory = schemeKeyDirectory;
            return this;
        }

        /** The HSM that wraps the data keys of HSM schemes; null: none on this node. */
        public Builder schemeHsm(HsmKeySettings schemeHsm) {
            this.schemeHsm = schemeHsm;
            return this;
        }

        public Builder database(DatabaseSettings database) {
            this.database = Objects.requireNonNull(database, "database");
            return this;
        }

        /** The embedded H2 database and its key file in the directory. */
        public Builder embeddedDatabase(Path directory) {
            return database(DatabaseSettings.embedded(directory));
        }

        public Builder auditMode(AuditMode auditMode) {
            this.auditMode = auditMode;
            return this;
        }

        /** An audit trail of the caller's own instead of auditMode's writer; the runtime does not close it. */
        public Builder auditTrail(AuditTrail auditTrail) {
            this.auditTrail = auditTrail;
            return this;
        }

        /** The audit journal (auditMode=journal); default: {@link #defaultJournalDirectory(DatabaseSettings)}. */
        public Builder journal(JournalSettings journal) {
            this.journal = journal;
            return this;
        }

        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        /** Default: {@link #DEFAULT_EXPIRY_WARNING}; zero turns the warnings off. */
        public Builder expiryWarning(Duration expiryWarning) {
            this.expiryWarning = expiryWarning;
            return this;
        }

        /** Default: {@link #DEFAULT_WRITE_VALIDATOR}. */
        public Builder writeValidator(CredentialValidator writeValidator) {
            this.writeValidator = writeValidator;
            return this;
        }

        public Builder store(StoreKind store) {
            this.store = store;
            return this;
        }

        public Builder credentialStore(CredentialStore credentialStore) {
            this.credentialStore = credentialStore;
            return this;
        }

        public Builder keeper(KeeperSettings keeper) {
            this.keeper = keeper;
            return this;
        }

        public Builder oauth2(OAuth2Settings oauth2) {
            this.oauth2 = oauth2;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder nodeName(String nodeName) {
            this.nodeName = nodeName;
            return this;
        }

        public Builder givenCredentials(GovernedCredentials givenCredentials) {
            this.givenCredentials = givenCredentials;
            return this;
        }

        public Builder givenTokenProvider(OAuth2TokenProvider givenTokenProvider) {
            this.givenTokenProvider = givenTokenProvider;
            return this;
        }

        public KsmSettings build() {
            return new KsmSettings(this);
        }
    }
}
