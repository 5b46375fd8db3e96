package io.camelksm.store.jdbc;

import static io.camelksm.store.jdbc.JdbcCredentialStore.MAX_DESCRIPTION_LENGTH;
import static io.camelksm.store.jdbc.JdbcCredentialStore.MAX_VALUE_BYTES;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.camelksm.credential.Credential;
import io.camelksm.credential.CredentialName;
import io.camelksm.credential.CredentialProperty;
import io.camelksm.credential.Secret;
import io.camelksm.crypto.EncryptedValue;
import io.camelksm.crypto.SecretCipher;
import io.camelksm.crypto.SecretLocation;

/**
 * Writes the fields and properties of one credential of the {@link JdbcCredentialStore}: checked and encrypted before
 * the transaction starts ({@link #prepare}), so no secret reaches the database, then inserted in batches.
 */
final class CredentialRowWriter {

    private final SecretCipher cipher;

    CredentialRowWriter(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** A field or property ready to be written: encrypted already, so no secret reaches the database. */
    private record PreparedValue(String name, boolean secret, String plain, EncryptedValue encrypted) {
    }

    record PreparedCredential(List<PreparedValue> fields, List<PreparedValue> properties) {
    }

    PreparedCredential prepare(Credential credential) {
        CredentialName name = credential.name();
        if (credential.description().length() > MAX_DESCRIPTION_LENGTH) {
            throw new IllegalArgumentException("The description of credential '" + name + "' is longer than "
                                               + MAX_DESCRIPTION_LENGTH + " characters");
        }
        List<PreparedValue> fields = new ArrayList<>();
        credential.fields().forEach((field, value) -> fields.add(
                plain(field.fieldName(), value, SecretLocation.field(name, field))));
        credential.secrets().forEach((field, value) -> fields.add(
                encrypted(field.fieldName(), value, SecretLocation.field(name, field))));
        List<PreparedValue> properties = new ArrayList<>();
        for (CredentialProperty property : credential.properties().values()) {
            SecretLocation where = SecretLocation.property(name, property.name());
            properties.add(property.secret()
                    ? encrypted(property.name(), property.value(), where)
                    : plain(property.name(), property.value().reveal(), where));
        }
        return new PreparedCredential(fields, properties);
    }

    private static PreparedValue plain(String name, String value, SecretLocation where) {
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("The value of " + where + " is longer than " + MAX_VALUE_BYTES
                                               + " bytes");
        }
        return new PreparedValue(name, false, value, null);
    }

    private PreparedValue encrypted(String name, Secret value, SecretLocation where) {
        byte[] utf8 = value.utf8();
        int length = utf8.length;
        Arrays.fill(utf8, (byte) 0);
        if (length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("The value of " + where + " is longer than " + MAX_VALUE_BYTES
                                               + " bytes");
        }
        return new PreparedValue(name, true, null, cipher.encrypt(where, value));
    }

    static void insertValues(Connection c, long id, PreparedCredential values) throws SQLException {
        if (!values.fields().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO credential_field (credential_id,"
                    + " field_name, plain_value, scheme_id, ciphertext) VALUES (?, ?, ?, ?, ?)")) {
                for (PreparedValue value : values.fields()) {
                    insert.setLong(1, id);
                    insert.setString(2, value.name());
                    bindValue(insert, 3, value);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!values.properties().isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO credential_property (credential_id,"
                    + " property_name, secret, sort_order, plain_value, scheme_id, ciphertext)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                int order = 0;
                for (PreparedValue value : values.properties()) {
                    insert.setLong(1, id);
                    insert.setString(2, value.name());
                    insert.setBoolean(3, value.secret());
                    insert.setInt(4, order++);
                    bindValue(insert, 5, value);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** Binds plain_value, scheme_id and ciphertext from the given index on. */
    private static void bindValue(PreparedStatement insert, int index, PreparedValue value) throws SQLException {
        insert.setString(index, value.plain());
        insert.setString(index + 1, value.encrypted() == null ? null : value.encrypted().schemeId());
        insert.setString(index + 2, value.encrypted() == null ? null : value.encrypted().payloadBase64());
    }
}
