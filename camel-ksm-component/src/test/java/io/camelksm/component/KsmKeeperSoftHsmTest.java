package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import com.keepersecurity.secretsManager.core.SecretsManager;

import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.credential.CredentialName;
import io.camelksm.hsm.ConfigCipher;
import io.camelksm.hsm.HsmConfigCiphers;
import io.camelksm.hsm.HsmKeyValueStorage;
import io.camelksm.hsm.SoftHsm;
import io.camelksm.store.keeper.FakeRecord;
import io.camelksm.testsupport.Subjects;

/**
 * {@code store=keeper} with the client config encrypted by a non-extractable AES key on the SoftHSM2 token: the operator
 * writes the one-time token into the encrypted config, the component binds on its first fetch and serves the record.
 * Skipped without a token, failed without one when CI is set (as the other HSM tests).
 */
class KsmKeeperSoftHsmTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "HSM key named by options: {0}")
    @ValueSource(booleans = { false, true })
    void bindsWithOneTimeTokenIntoTheHsmEncryptedConfigAndServesTheRecord(boolean byOptions) throws Exception {
        SoftHsm.Token token = SoftHsm.token();
        KeeperStoreFixture fixture = new KeeperStoreFixture(dir);
        String uid = fixture.keeper.add(FakeRecord.login("ERP", "erp-bot", "Erp#hsm-pass-7"));
        Path config = dir.resolve("keeper-config.enc");
        String oneTimeToken = fixture.keeper.oneTimeToken();
        try (ConfigCipher cipher = HsmConfigCiphers.open(token.settings())) {
            SecretsManager.initializeStorage(HsmKeyValueStorage.open(config, cipher), oneTimeToken, null);
        }
        fixture.options.put("keeperConfigFile", config.toString());
        if (byOptions) {
            // the same key named by the keeperHsm* options, without a settings file
            fixture.options.put("keeperHsmProvider", "pkcs11");
            fixture.options.put("keeperHsmPkcs11Config", token.pkcs11Config().toString());
            fixture.options.put("keeperHsmKeyAlias", token.keyAlias());
        } else {
            fixture.options.put("keeperHsmSettings", fixture.write("hsm.properties", "provider=pkcs11\npkcs11-config="
                    + token.pkcs11Config().toString().replace("\\", "/") + "\nkey-alias=" + token.keyAlias() + "\n")
                    .toString());
        }
        fixture.options.put("keeperHsmPin", token.pin());
        fixture.options.put("keeperMappingFile", fixture.write("keeper.properties", "keeper.credentials.Erp=" + uid
                + "\n").toString());

        try (CamelContext context = fixture.start(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:erp").routeId("erp-route")
                        .process(e -> e.getMessage().setHeader(Exchange.AUTHENTICATION, Subjects.of("bob", "erp")))
                        .to("ksm:Erp");
            }
        })) {
            GovernedCredentials governed = context.getComponent("ksm", KsmComponent.class).getGovernedCredentials();
            Caller admin = new Caller("test-admin", java.util.Set.of(), "ksm-test", KeeperStoreFixture.NODE, null);
            governed.grant(CredentialName.of("Erp"), Dimension.ROLE, "erp", admin);
            governed.grant(CredentialName.of("Erp"), Dimension.PROCESS, "erp-route", admin);
            governed.grant(CredentialName.of("Erp"), Dimension.RESOURCE, KeeperStoreFixture.NODE, admin);

            Exchange out = context.createProducerTemplate().request("direct:erp", e -> { });

            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader("Authorization", String.class)).isEqualTo("Basic " + Base64
                    .getEncoder().encodeToString("erp-bot:Erp#hsm-pass-7".getBytes(StandardCharsets.UTF_8)));
        }

        // bound by the component: the one-time client key is gone, the app key is in the file, encrypted
        try (ConfigCipher cipher = HsmConfigCiphers.open(token.settings())) {
            HsmKeyValueStorage storage = HsmKeyValueStorage.open(config, cipher);
            assertThat(storage.keys()).contains("appKey", "clientId", "privateKey").doesNotContain("clientKey");
            assertThat(new String(Files.readAllBytes(config), StandardCharsets.ISO_8859_1))
                    .doesNotContain(storage.getString("appKey")).doesNotContain("clientId");
        }
    }
}
