package io.camelksm.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.KsmException;
import io.camelksm.access.Caller;
import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialType;
import io.camelksm.credential.CredentialValidator;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.runtime.AuditMode;
import io.camelksm.runtime.KsmRuntime;
import io.camelksm.runtime.KsmSettings;
import io.camelksm.store.jdbc.DatabaseSettings;

/**
 * An encryption scheme with key location HSM end to end, on a real database and SoftHSM2: created through
 * {@code KsmRuntime.schemes()}, its data key stored only wrapped, values written with it and read by a node opened
 * afterwards; a node without the HSM settings, or with another HSM key, fails naming the scheme, never with garbage.
 * Run on H2 and PostgreSQL.
 */
abstract class SoftHsmEncryptionSchemesContract {

    static final Caller ADMIN = new Caller("test-admin", Set.of(), "ksm-test", "test-node", null);
    static final String PASSWORD = "Hsm-wrapped-Pa55";

    @TempDir
    Path tempDir;

    /** A new, empty database for this test. */
    protected abstract String newDatabaseUrl() throws Exception;

    protected abstract Connection rawConnection(String url) throws SQLException;

    private KsmRuntime open(String url, HsmKeySettings hsm) {
        return KsmRuntime.open(KsmSettings.builder()
                .database(new DatabaseSettings(url, null, null, tempDir.resolve("keys/ksm.key")))
                .auditMode(AuditMode.SYNC).cacheTtl(Duration.ZERO).writeValidator(CredentialValidator.NONE)
                .schemeHsm(hsm).build());
    }

    private static HsmKeySettings hsm(String alias) {
        SoftHsm.Token token = SoftHsm.token();
        return new HsmKeySettings("pkcs11", token.pkcs11Config(), null, Secret.of(token.pin()), alias);
    }

    private static String password(KsmRuntime runtime) {
        Credential c = runtime.credentials().inspect(CredentialName.of("Api")).orElseThrow();
        try {
            return c.secret(CredentialField.PASSWORD).orElseThrow().reveal();
        } finally {
            c.destroySecrets();
        }
    }

    @Test
    void valuesOfAnHsmSchemeAreReadByTheNextNodeAndOnlyWithTheRightHsmKey() throws Exception {
        String url = newDatabaseUrl();
        SoftHsm.Token token = SoftHsm.token();
        try (KsmRuntime node1 = open(url, hsm(token.schemeKeyAlias()))) {
            node1.schemes().create("hsm-1", SchemeAlgorithm.AES_256_GCM, KeyLocation.HSM, ADMIN);
            node1.schemes().setDefault("hsm-1", ADMIN);
            node1.credentials().create(Credential.builder("Api", CredentialType.BASIC)
                    .field(CredentialField.USERNAME, "bot").secret(CredentialField.PASSWORD, Secret.of(PASSWORD))
                    .build(), ADMIN);
            assertThat(password(node1)).isEqualTo(PASSWORD);
        }
        try (Connection c = rawConnection(url);
             PreparedStatement s = c.prepareStatement("SELECT key_location, wrapped_key FROM encryption_scheme"
                                                      + " WHERE name = 'hsm-1'");
             ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("HSM");
            assertThat(rs.getString(2)).as("only the wrapped data key is stored").isNotBlank();
        }

        try (KsmRuntime node2 = open(url, hsm(token.schemeKeyAlias()))) {
            assertThat(password(node2)).isEqualTo(PASSWORD);
        }

        assertThatThrownBy(() -> {
            try (KsmRuntime noHsm = open(url, null)) {
                password(noHsm);
            }
        }).isInstanceOf(KsmException.class).hasMessageContaining("hsm-1").hasMessageContaining("HSM settings")
                .hasMessageNotContaining(PASSWORD);

        assertThatThrownBy(() -> {
            try (KsmRuntime otherKey = open(url, hsm(token.key2Alias()))) {
                password(otherKey);
            }
        }).isInstanceOf(KsmException.class).hasMessageContaining("does not unwrap")
                .hasMessageContaining(token.key2Alias()).hasMessageNotContaining(PASSWORD);
    }
}
