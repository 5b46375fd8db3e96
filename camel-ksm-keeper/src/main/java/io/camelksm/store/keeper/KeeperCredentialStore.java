package io.camelksm.store.keeper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.camelksm.PartHealth;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialNotFoundException;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.CredentialStore;
import io.camelksm.credential.Secret;
import io.camelksm.credential.StaleCredentialException;

/**
 * A {@link CredentialStore} whose values live in Keeper Secrets Manager, read through Keeper's official SDK behind
 * {@link KeeperClient}. Which record holds which credential is configured ({@link KeeperStoreSettings}: record UID or
 * {@code keeper://} notation per credential name); how a record becomes a credential is {@link KeeperRecordMapper}'s
 * convention. Access rights and the audit trail are not kept here: wrap this store in
 * {@link io.camelksm.governance.GovernedCredentials} with camel-ksm's own database, as for the embedded store.
 * <p>
 * Within Keeper's rate limits: all configured records are fetched together by UID, cached for the TTL and resolved
 * locally; refreshes are single-flight; when Keeper fails or throttles the last good records are served (WARN and
 * {@link KeeperStoreStatistics#staleServed()}) and Keeper is left alone for the back-off.
 * <p>
 * Writes: creating and deleting credentials is not done in Keeper from here. {@link #update} changes a record's
 * password, and nothing else, when {@code keeper.password-updates=true} ({@link #isWritable()}).
 */
public final class KeeperCredentialStore implements CredentialStore, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KeeperCredentialStore.class);

    private final KeeperClient client;
    private final KeeperStoreSettings settings;
    private final KeeperRecordCache cache;
    private final KeeperRecordMapper mapper = new KeeperRecordMapper();

    public KeeperCredentialStore(KeeperClient client, KeeperStoreSettings settings) {
        this(client, settings, Clock.systemUTC());
    }

    public KeeperCredentialStore(KeeperClient client, KeeperStoreSettings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = new KeeperRecordCache(client, settings, Objects.requireNonNull(clock, "clock"));
        LOG.info("Keeper store serves {} credential(s) from {} record(s); cache TTL {}, max stale {}",
                settings.credentials().size(), settings.recordUids().size(), settings.ttl(), settings.maxStale());
    }

    /**
     * Fetches all configured records now (Keeper recommends fetching at start), unless the cache is fresh.
     *
     * @throws KeeperStoreException if Keeper cannot be reached and nothing is cached
     */
    public void prefetch() {
        cache.ensureFresh();
    }

    /**
     * The credential from its Keeper record; empty if no record is mapped to that name.
     *
     * @throws KeeperStoreException          if the mapped record is not in Keeper (unknown UID, not shared) or Keeper
     *                                       fails with nothing usable cached
     * @throws KeeperRecordMappingException  if the record does not fit the credential
     */
    @Override
    public Optional<Credential> find(CredentialName name) {
        KeeperCredentialMapping mapping = settings.credentials().get(name);
        if (mapping == null) {
            return Optional.empty();
        }
        return Optional.of(cache.withRecord(mapping.ref().uid(), record -> mapper.map(mapping,
                record.orElseThrow(() -> notReturned(mapping)))));
    }

    /** The configured credential names, sorted. */
    @Override
    public List<CredentialName> names() {
        return List.copyOf(settings.credentials().keySet());
    }

    /** Not done in Keeper from here: create the record in Keeper and map its UID. */
    @Override
    public Credential create(Credential credential) {
        throw new KeeperStoreException("Keeper store is read-only here: credential '" + credential.name() + "' cannot"
                                       + " be created from camel-ksm; create the record in Keeper and map it with"
                                       + " keeper.credentials." + credential.name() + "=<record UID>");
    }

    /**
     * Changes the password of the credential's record in Keeper, when {@code keeper.password-updates=true}. Only a
     * change of the value that comes from the record's standard {@code password} field is accepted (the password of
     * a BASIC, GENERAL or DATA_GATEWAY credential, the token of a {@code keeper://UID/field/password} BEARER
     * credential); any other difference is refused, naming what differs.
     *
     * <p>
     * Three calls to Keeper: a fresh read of the record (revision check), {@code update_secret}, and a re-read for the
     * new revision. If the re-read fails, the new password is served from the cache with the old revision as version.
     *
     * @throws StaleCredentialException   if the record's revision is not the credential's version any more
     * @throws CredentialNotFoundException if no record is mapped to the name
     */
    @Override
    public Credential update(Credential credential) {
        CredentialName name = credential.name();
        if (!settings.passwordUpdates()) {
            throw new KeeperStoreException("Keeper store is read-only here: credential '" + name + "' cannot be"
                                           + " changed from camel-ksm (set keeper.password-updates=true to let it"
                                           + " change passwords in Keeper)");
        }
        KeeperCredentialMapping mapping = settings.credentials().get(name);
        if (mapping == null) {
            throw new CredentialNotFoundException(name);
        }
        String uid = mapping.ref().uid();
        PasswordChange change = cache.withRecord(uid, found -> {
            KeeperRecordView record = found.orElseThrow(() -> notReturned(mapping));
            Credential current = mapper.map(mapping, record);
            try {
                if (credential.version() != record.revision()) {
                    throw new StaleCredentialException(name, credential.version(), record.revision());
                }
                return passwordChange(mapping, record, current, credential);
            } finally {
                current.destroySecrets();
            }
        });
        if (change == null) {
            return find(name).orElseThrow(() -> new CredentialNotFoundException(name)); // nothing changed
        }
        try {
            client.updatePassword(uid, credential.version(), change.value());
            // written through: even if the re-read below fails, the new password is what gets served
            cache.patch(uid, record -> record.withStandardPassword(change.value()));
        } catch (KeeperStaleRecordException e) {
            cache.expire();
            throw new StaleCredentialException(name, e.expectedRevision(), e.actualRevision());
        } finally {
            change.value().destroy();
        }
        // identifiers only (two Strings: the record UID and the credential name), never a field name or value: the
        // new value was wiped above
        LOG.info("Wrote a new value to Keeper record '{}' (credential '{}')", uid, name.value());
        return find(name).orElseThrow(() -> new CredentialNotFoundException(name));
    }

    /** Refused for a mapped credential: remove the mapping or the record in Keeper instead. */
    @Override
    public boolean delete(CredentialName name) {
        if (!settings.credentials().containsKey(name)) {
            return false;
        }
        throw new KeeperStoreException("Keeper store is read-only here: credential '" + name + "' cannot be deleted"
                                       + " from camel-ksm; remove keeper.credentials." + name + " or the record in"
                                       + " Keeper");
    }

    /** Whether {@link #update} may change passwords ({@code keeper.password-updates}); create and delete never work. */
    @Override
    public boolean isWritable() {
        return settings.passwordUpdates();
    }

    public KeeperStoreSettings settings() {
        return settings;
    }

    public KeeperStoreStatistics statistics() {
        return cache.statistics();
    }

    /** DOWN when Keeper fails and no records within max-stale are cached: look-ups fail then. */
    public PartHealth health() {
        return cache.health();
    }

    /** Wipes the cached records and closes the client. */
    @Override
    public void close() {
        try {
            cache.close();
        } finally {
            try {
                client.close();
            } catch (Exception e) {
                LOG.warn("Closing the Keeper client failed: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "KeeperCredentialStore[" + settings.credentials().size() + " credentials, " + client + "]";
    }

    private static KeeperStoreException notReturned(KeeperCredentialMapping mapping) {
        return new KeeperStoreException("Keeper record '" + mapping.ref().uid() + "' of credential '" + mapping.name()
                                        + "' was not returned by Keeper: unknown UID, or not shared with this"
                                        + " application");
    }

    /** The new password, copied; null if nothing differs. */
    private record PasswordChange(Secret value) {
    }

    private PasswordChange passwordChange(KeeperCredentialMapping mapping, KeeperRecordView record,
                                          Credential current, Credential wanted) {
        List<String> others = new ArrayList<>();
        if (current.type() != wanted.type()) {
            others.add("type");
        }
        if (!current.description().equals(wanted.description())) {
            others.add("description");
        }
        if (!current.fields().equals(wanted.fields())) {
            Set<CredentialField> differ = EnumSet.noneOf(CredentialField.class);
            differ.addAll(current.fields().keySet());
            differ.addAll(wanted.fields().keySet());
            differ.removeIf(f -> Objects.equals(current.fields().get(f), wanted.fields().get(f)));
            differ.forEach(f -> others.add(f.fieldName()));
        }
        CredentialField changedSecret = null;
        Set<CredentialField> secrets = EnumSet.noneOf(CredentialField.class);
        secrets.addAll(current.secrets().keySet());
        secrets.addAll(wanted.secrets().keySet());
        for (CredentialField f : secrets) {
            Secret before = current.secrets().get(f);
            Secret after = wanted.secrets().get(f);
            if (before != null && after != null && before.matches(after)) {
                continue;
            }
            if (after != null && !after.isEmpty() && mapper.comesFromStandardPassword(mapping, record, f)) {
                changedSecret = f;
            } else {
                others.add(f.fieldName());
            }
        }
        if (!samePropertyValues(current.properties(), wanted.properties())) {
            others.add("properties");
        }
        if (!current.expiresAt().equals(wanted.expiresAt())) {
            others.add("expiresAt");
        }
        if (!current.invalidSince().equals(wanted.invalidSince())) {
            others.add("invalidSince");
        }
        if (!others.isEmpty()) {
            throw new KeeperStoreException("Keeper store changes only the password of a record here: credential '"
                                           + wanted.name() + "' (Keeper record '" + record.uid() + "') would also"
                                           + " change " + others + "; change those in Keeper");
        }
        return changedSecret == null ? null
                : new PasswordChange(Secret.of(wanted.secrets().get(changedSecret).chars()));
    }

    private static boolean samePropertyValues(Map<String, CredentialProperty> a, Map<String, CredentialProperty> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, CredentialProperty> e : a.entrySet()) {
            CredentialProperty other = b.get(e.getKey());
            if (other.secret() != e.getValue().secret() || !other.value().matches(e.getValue().value())) {
                return false;
            }
        }
        return true;
    }
}
