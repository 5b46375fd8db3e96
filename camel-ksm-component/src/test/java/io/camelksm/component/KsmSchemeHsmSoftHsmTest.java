package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.Caller;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.hsm.SoftHsm;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;

/**
 * A route reads a credential whose values an HSM scheme wrote (SoftHSM2, embedded H2): with the schemeHsm* options the
 * component unwraps the scheme's data key and the exchange gets the credential; without them the component does not
 * start, naming the default scheme and the missing settings.
 */
class KsmSchemeHsmSoftHsmTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node-1", null);

    @TempDir
    Path tempDir;

    private CamelContext context;

    @AfterEach
    void stop() throws Exception {
        if (context != null) {
            context.close();
        }
    }

    /** The database with an HSM scheme as default and the Portal credential written with it. */
    private void databaseWithAnHsmScheme(SoftHsm.Token token) throws Exception {
        HsmKeySettings hsm = new HsmKeySettings("pkcs11", token.pkcs11Config(), null, Secret.of(token.pin()),
                token.schemeKeyAlias());
        try (KsmRuntime runtime = KsmRuntime.open(KsmSettings.builder().embeddedDatabase(tempDir)
                .auditMode(AuditMode.SYNC).schemeHsm(hsm).build())) {
            runtime.schemes().create("hsm-1", SchemeAlgorithm.AES_256_GCM, KeyLocation.HSM, ADMIN);
            runtime.schemes().setDefault("hsm-1", ADMIN);
            PortalCredential.storeAndGrant(runtime.credentials(), ADMIN);
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + tempDir.resolve("ksm"), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT scheme_id FROM credential_field"
                                           + " WHERE scheme_id IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the password was written by the HSM scheme").isEqualTo("hsm-1");
        }
    }

    private Exchange getPortal(SoftHsm.Token token, boolean withHsmOptions) throws Exception {
        context = new DefaultCamelContext();
        KsmComponent component = context.getComponent("ksm", KsmComponent.class);
        component.getDatabaseConfiguration().setDatabaseDirectory(tempDir.toString());
        component.getCallerConfiguration().setNodeName("node-1");
        component.getCallerConfiguration().setCacheTtl(0);
        if (withHsmOptions) {
            KsmSchemeHsmConfiguration hsm = component.getSchemeHsmConfiguration();
            hsm.setSchemeHsmProvider("pkcs11");
            hsm.setSchemeHsmPkcs11Config(token.pkcs11Config().toString());
            hsm.setSchemeHsmKeyAlias(token.schemeKeyAlias());
            hsm.setSchemeHsmPin(token.pin());
        }
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:get").routeId("portal").to("ksm:Portal?operation=get");
            }
        });
        context.start();
        return context.createProducerTemplate().send("direct:get", e -> { });
    }

    @Test
    void withTheSchemeHsmOptionsTheRouteReadsTheCredential() throws Exception {
        SoftHsm.Token token = SoftHsm.token();
        databaseWithAnHsmScheme(token);

        Exchange done = getPortal(token, true);

        assertThat(done.getException()).isNull();
    }

    @Test
    void withoutThemTheComponentDoesNotStartNamingTheDefaultSchemeAndTheSettings() throws Exception {
        SoftHsm.Token token = SoftHsm.token();
        databaseWithAnHsmScheme(token);

        assertThatThrownBy(() -> getPortal(token, false)).rootCause().isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("The default encryption scheme cannot be used on this node")
                .hasMessageContaining("scheme 'hsm-1' needs the HSM settings")
                .hasMessageNotContaining("pw-1");
    }
}
