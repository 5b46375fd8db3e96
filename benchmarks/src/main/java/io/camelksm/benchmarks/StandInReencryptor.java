package io.camelksm.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.camelksm.credential.CredentialField;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.SchemeRegistry;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;

/**
 * The benchmark's stand-in for {@code runtime.Reencryption} until that lands: {@link ReencryptionRows} with a
 * {@link SecretCipher} that decrypts with the scheme that wrote a value and encrypts with the other of the data set's
 * two schemes (each batch one transaction, a compare-and-set per row). It re-encrypts credential fields only: the
 * seeded credentials have no secret properties.
 */
final class StandInReencryptor implements Reencryptor {

    private final ReencryptionDataSet data;
    private final ReencryptionRows rows;
    private boolean towardsSecond = true;

    StandInReencryptor(ReencryptionDataSet data, Connection connection) throws SQLException {
        this.data = data;
        this.rows = new ReencryptionRows(connection);
    }

    @Override
    public long reencryptToNextScheme(int batchSize) throws SQLException {
        String target = towardsSecond ? data.secondScheme().id() : data.firstScheme().id();
        SchemeRegistry registry = towardsSecond
                ? new SchemeRegistry(data.secondScheme(), List.of(data.firstScheme()))
                : new SchemeRegistry(data.firstScheme(), List.of(data.secondScheme()));
        SecretCipher cipher = new SecretCipher(registry); // not closed: the data set owns the schemes' keys
        long done = rows.rewriteAll(target, batchSize, row -> reencrypt(cipher, row));
        towardsSecond = !towardsSecond;
        return done;
    }

    private static ReencryptionRows.Row reencrypt(SecretCipher cipher, ReencryptionRows.Row row) {
        SecretLocation where = SecretLocation.field(CredentialName.of(row.credentialName()),
                CredentialField.byName(row.fieldName()).orElseThrow());
        Secret secret = cipher.decrypt(where, EncryptedValue.of(row.schemeId(), row.ciphertext()));
        try {
            EncryptedValue value = cipher.encrypt(where, secret);
            return new ReencryptionRows.Row(row.credentialId(), row.credentialName(), row.fieldName(),
                    value.schemeId(), value.payloadBase64());
        } finally {
            secret.destroy();
        }
    }

    @Override
    public String currentSchemeId() {
        return towardsSecond ? data.firstScheme().id() : data.secondScheme().id();
    }

    @Override
    public void close() {
        // the connection belongs to the caller, the schemes to the data set
    }
}
