package io.camelksm.component;

import io.camelksm.store.keeper.KeeperClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;

import io.camelksm.audit.AuditEvent;
import io.camelksm.credential.Secret;
import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.HsmSettings;
import io.camelksm.hsm.Pkcs12KeyFile;
import io.camelksm.store.jdbc.DatabaseSettings;
import io.camelksm.store.jdbc.KsmDatabase;
import io.camelksm.store.keeper.FakeKeeperBackend;
import io.camelksm.store.keeper.KeeperClient;

/**
 * A Camel context whose {@code ksm} component runs with {@code store=keeper}, configured by option strings as Camel Main
 * would bind them: a real H2 database in a temp directory (rights, audit), the client config encrypted by a software
 * PKCS#12 key (or the SoftHSM2 token), and the real Keeper SDK talking to the in-process {@link FakeKeeperBackend}.
 */
final class KeeperStoreFixture {

    static final String NODE = "test-node";

    final Path dir;
    final FakeKeeperBackend keeper = new FakeKeeperBackend();
    final MovableClock clock = new MovableClock();
    final Map<String, Object> options = new LinkedHashMap<>();

    KeeperStoreFixture(Path dir) {
        this.dir = dir;
    }

    /** Options for a config bound to the fake and encrypted by a software PKCS#12 key. */
    KeeperStoreFixture boundConfigWithSoftwareKey(String mapping) {
        Path keyStore = dir.resolve("config-key.p12");
        Pkcs12KeyFile.addAesKey(keyStore, Secret.of("p12-password"), "ksm-config");
        Path config = dir.resolve("keeper-config.enc");
        try (ConfigCipher cipher = HsmConfigCiphers.open(HsmSettings.softwarePkcs12(keyStore, Secret.of("p12-password"),
                "ksm-config"))) {
            keeper.writeBoundConfig(HsmKeyValueStorage.open(config, cipher));
        }
        options.put("keeperConfigFile", config.toString());
        options.put("keeperHsmSettings", write("hsm.properties", "provider=pkcs12\nkeystore-file="
                + keyStore.toString().replace("\\", "/") + "\nkey-alias=ksm-config\n").toString());
        options.put("keeperHsmPin", "p12-password");
        options.put("keeperMappingFile", write("keeper.properties", mapping).toString());
        return this;
    }

    Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A started context with these routes; the component's options bound from strings, the transport as a #bean. */
    CamelContext start(RoutesBuilder routes) throws Exception {
        return start(routes, registry -> { });
    }

    /** As {@link #start(RoutesBuilder)}, with more beans bound first. */
    CamelContext start(RoutesBuilder routes, java.util.function.Consumer<org.apache.camel.spi.Registry> beans)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        beans.accept(context.getRegistry());
        context.getRegistry().bind("fakeKeeper",
                (KeeperClientFactory) storage -> KeeperClient.sdk(storage, keeper.transport()));
        context.getRegistry().bind("testClock", clock);
        KsmComponent ksm = new KsmComponent();
        context.addComponent("ksm", ksm);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("databaseDirectory", dir.resolve("db").toString());
        all.put("nodeName", NODE);
        all.put("store", "keeper");
        all.put("keeperClientFactory", "#bean:fakeKeeper");
        all.putAll(options);
        all.values().removeIf(java.util.Objects::isNull);
        all.put("clock", "#bean:testClock");
        PropertyBindingSupport.build().withRemoveParameters(false).bind(context, ksm, all);
        context.addRoutes(routes);
        try {
            context.start();
        } catch (Exception e) {
            context.close();
            throw e;
        }
        return context;
    }

    /** The audit trail as stored in the H2 database (read after the context has closed it). */
    List<AuditEvent> auditRows() {
        try (KsmDatabase db = KsmDatabase.open(DatabaseSettings.embedded(dir.resolve("db")))) {
            return db.auditTrail().tail(1000);
        }
    }

    /** A clock the test moves forward (cache TTLs); time also passes on its own for the database. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
