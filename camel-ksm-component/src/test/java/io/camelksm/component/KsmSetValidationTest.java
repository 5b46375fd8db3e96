package io.camelksm.component;

import static org.assertj.core.api.Assertions.assertThat;
import io.camelksm.runtime.AuditMode;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.access.AccessMode;
import io.camelksm.access.Caller;
import io.camelksm.access.Dimension;
import io.camelksm.governance.GovernedCredentials;
import io.camelksm.auth.oauth2.OAuth2CredentialValidator;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.Secret;

/** A route's operation=set cannot store a credential that would fail at its first exchange. */
class KsmSetValidationTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(), "test", "node", null);

    @TempDir
    Path home;

    @Test
    void aRotatedKeyThatCannotSignIsRefusedAndTheOldKeyStays() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            KsmComponent component = new KsmComponent();
            component.getDatabaseConfiguration().setDatabaseDirectory(home.toString());
            component.getAuditConfiguration().setAuditMode(AuditMode.SYNC);
            camel.addComponent("ksm", component);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:rotateKey").routeId("rotate-key").to("ksm:Sf?operation=set&field=privateKey");
                    from("direct:setFields").routeId("set-fields").to("ksm:Sf?operation=set");
                }
            });
            camel.start();
            GovernedCredentials governed = component.getGovernedCredentials();
            assertThat(governed.getWriteValidator()).isSameAs(OAuth2CredentialValidator.INSTANCE);
            String goodKey = rsaPem(2048);
            governed.create(Credential.builder("Sf", CredentialType.OAUTH2_JWT_BEARER)
                    .field(CredentialField.ISSUER, "bot").field(CredentialField.TOKEN_URL, "https://login.invalid/t")
                    .secret(CredentialField.PRIVATE_KEY, Secret.of(goodKey)).build(), ADMIN);
            for (Dimension d : Dimension.values()) {
                governed.grant(CredentialName.of("Sf"), d, "*", ADMIN);
                governed.grant(CredentialName.of("Sf"), AccessMode.WRITE, d, "*", ADMIN); // a route's set writes
            }
            ProducerTemplate template = camel.createProducerTemplate();

            Exchange out = template.request("direct:rotateKey", e -> e.getMessage().setBody(rsaPem(1024)));

            assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Cannot request a token for credential 'Sf'")
                    .hasMessageContaining("RS256 needs an RSA key of at least 2048 bits")
                    .hasMessageNotContaining("MII");
            assertThat(governed.inspect(CredentialName.of("Sf")).orElseThrow().secret(CredentialField.PRIVATE_KEY)
                    .orElseThrow().reveal()).isEqualTo(goodKey);

            Exchange good = template.request("direct:rotateKey", e -> e.getMessage().setBody(rsaPem(2048)));
            assertThat(good.getException()).isNull();

            // a field name from the message is quoted escaped: it cannot forge a log line or reorder one
            Exchange forged = template.request("direct:setFields",
                    e -> e.getMessage().setBody(java.util.Map.of("x\n2026 INFO granted \u202Eyek", "v")));
            assertThat(forged.getException()).hasMessageContaining("Unknown field 'x\\u000A2026 INFO granted"
                    + " \\u202Eyek'").hasMessageNotContaining("\n").hasMessageNotContaining("\u202E");
        }
    }

    private static String rsaPem(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' })
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }
}
