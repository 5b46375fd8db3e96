package io.camelksm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.AesGcmScheme;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.HsmKeySettings;
import io.camelksm.crypto.HsmKeyWrapper;
import io.camelksm.crypto.KeyFile;
import io.camelksm.crypto.KeyLocation;
import io.camelksm.crypto.KsmCryptoException;
import io.camelksm.crypto.SchemeAlgorithm;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;

/**
 * Key location HSM in {@link DatabaseSchemes}: the data key is stored only wrapped, unwrapped once per process, and a
 * node without HSM settings or with another HSM key fails on that scheme naming it. The HSM here is a software AES key
 * wrap (JCE {@code AESWrap}) standing in for camel-ksm-keeper's provider, which is tested with SoftHSM2 there.
 */
class HsmSchemeKeysTest {

    private static final HsmKeySettings HSM = new HsmKeySettings("SunPKCS11", null, null, null, "ksm-scheme-wrap");

    @TempDir
    Path home;

    private EncryptionSchemeTable table;
    private byte[] fileKey;
    private JdbcDataSource dataSource;

    /** A software stand-in for the HSM: AES key wrap under a fixed key; counts unwraps. */
    static final class SoftwareWrapper implements HsmKeyWrapper {
        private final SecretKeySpec kek;
        final AtomicInteger unwraps = new AtomicInteger();

        SoftwareWrapper(byte seed) {
            byte[] k = new byte[32];
            Arrays.fill(k, seed);
            kek = new SecretKeySpec(k, "AES");
        }

        @Override
        public byte[] wrap(byte[] dataKey) {
            try {
                Cipher c = Cipher.getInstance("AESWrap");
                c.init(Cipher.WRAP_MODE, kek);
                return c.wrap(new SecretKeySpec(dataKey, "AES"));
            } catch (GeneralSecurityException e) {
                throw new KsmCryptoException("wrap failed", e);
            }
        }

        @Override
        public byte[] unwrap(byte[] wrapped) {
            unwraps.incrementAndGet();
            try {
                Cipher c = Cipher.getInstance("AESWrap");
                c.init(Cipher.UNWRAP_MODE, kek);
                return c.unwrap(wrapped, "AES", Cipher.SECRET_KEY).getEncoded();
            } catch (GeneralSecurityException e) {
                throw new KsmCryptoException("the HSM key 'ksm-scheme-wrap' cannot unwrap it", e);
            }
        }

        @Override
        public String describe() {
            return "software key 'ksm-scheme-wrap'";
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void database() {
        KsmDatabase.open(DatabaseSettings.embedded(home)).close(); // migrated, key file made
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + home.resolve("ksm"));
        dataSource.setUser(ConnectionPool.H2_DEFAULT_USER);
        table = new EncryptionSchemeTable(new Jdbc(dataSource));
        fileKey = new KeyFile(home.resolve("ksm.key")).load();
    }

    private DatabaseSchemes open(HsmKeySettings settings, HsmKeyWrapper hsm) {
        return new DatabaseSchemes(table, new SchemeKeyOpener(fileKey, home, settings, s -> hsm),
                new AesGcmScheme(KsmDatabase.DEFAULT_SCHEME_ID, fileKey), Clock.systemUTC());
    }

    @Test
    void theDataKeyIsStoredWrappedAndUnwrappedOncePerProcess() throws Exception {
        SecretLocation where = SecretLocation.field(CredentialName.of("Api"), CredentialField.PASSWORD);
        EncryptedValue value;
        try (DatabaseSchemes schemes = open(HSM, new SoftwareWrapper((byte) 7))) {
            schemes.create("hsm-1", SchemeAlgorithm.AES_256_GCM, KeyLocation.HSM);
            schemes.setDefault("hsm-1");
            value = new SecretCipher(schemes::registry).encrypt(where, Secret.of("in-the-hsm"));
        }
        assertThat(value.schemeId()).isEqualTo("hsm-1");
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT key_location, wrapped_key FROM encryption_scheme WHERE id = 'hsm-1'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("HSM");
            assertThat(java.util.Base64.getDecoder().decode(rs.getString(2))).hasSize(40); // AES-KW of 32 bytes
        }

        SoftwareWrapper sameHsm = new SoftwareWrapper((byte) 7);
        try (DatabaseSchemes schemes = open(HSM, sameHsm)) {
            SecretCipher cipher = new SecretCipher(schemes::registry);
            assertThat(cipher.decrypt(where, value).reveal()).isEqualTo("in-the-hsm");
            assertThat(cipher.decrypt(where, value).reveal()).isEqualTo("in-the-hsm");
            assertThat(sameHsm.unwraps).hasValue(1);
        }

        assertThatThrownBy(() -> open(null, null))
                .isInstanceOf(KsmCryptoException.class)
                .hasMessageContaining("The default encryption scheme cannot be used on this node: scheme 'hsm-1'"
                                      + " needs the HSM settings");
    }

    @Test
    void anotherHsmKeyMakesOnlyThatSchemeUnavailable() {
        SecretLocation where = SecretLocation.field(CredentialName.of("Api"), CredentialField.PASSWORD);
        EncryptedValue value;
        try (DatabaseSchemes schemes = open(HSM, new SoftwareWrapper((byte) 7))) {
            schemes.create("hsm-1", SchemeAlgorithm.AES_256_GCM, KeyLocation.HSM);
            schemes.setDefault("hsm-1");
            value = new SecretCipher(schemes::registry).encrypt(where, Secret.of("in-the-hsm"));
            schemes.setDefault(KsmDatabase.DEFAULT_SCHEME_ID);
        }
        try (DatabaseSchemes schemes = open(HSM, new SoftwareWrapper((byte) 8))) {
            assertThat(schemes.list()).filteredOn(i -> i.name().equals("hsm-1"))
                    .extracting(EncryptionSchemeInfo::available).containsExactly(false);
            assertThatThrownBy(() -> new SecretCipher(schemes::registry).decrypt(where, value))
                    .isInstanceOf(KsmCryptoException.class)
                    .hasMessageContaining("scheme 'hsm-1' cannot unwrap its key in the HSM")
                    .hasMessageNotContaining("in-the-hsm");
        }
    }
}
