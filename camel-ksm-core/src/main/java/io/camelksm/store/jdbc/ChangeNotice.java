package io.camelksm.store.jdbc;

import java.util.Objects;
import java.util.Optional;

import io.camelksm.credential.CredentialName;

/**
 * One change another node (or {@code ksm-admin}) made to the shared PostgreSQL database, as delivered by
 * {@code NOTIFY} on {@link #CHANNEL}: which kind of data changed, and for which credential.
 * <p>
 * The payload is written by the database's triggers (migration V11) in the transaction of the write, so a notice is
 * delivered exactly when the write commits, whoever wrote it. Its form is
 * {@code <kind>|<length of schema>|<schema>|<credential name key>}: the schema keeps two camel-ksm databases in one
 * PostgreSQL database apart, and the length prefix makes any schema name parse.
 *
 * @param kind       what changed
 * @param credential the credential it concerns; null for {@link Kind#SCHEMES}
 */
public record ChangeNotice(Kind kind, CredentialName credential) {

    /** The one channel all camel-ksm nodes listen on. */
    public static final String CHANNEL = "camel_ksm";

    public enum Kind {
        /** A credential was created, updated or deleted: drop its cached copy and its tokens. */
        CREDENTIAL("credential"),
        /** A credential's access rights changed (grant, revoke, route metadata writes): drop its cached rights. */
        RIGHTS("rights"),
        /** An encryption scheme was added, made default, retired or deleted: read the schemes again. */
        SCHEMES("schemes"),
        /** Shared OAuth 2.0 tokens of a credential were stored or dropped (tokenSharing=cluster): drop local copies. */
        TOKENS("tokens");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** How the kind is written in a payload. */
        public String word() {
            return word;
        }

        static Optional<Kind> of(String word) {
            for (Kind kind : values()) {
                if (kind.word.equals(word)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public ChangeNotice {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.SCHEMES) {
            Objects.requireNonNull(credential, "credential");
        }
    }

    /** The payload of a notice about the credential (its name key) in the schema. */
    public static String payload(Kind kind, String schema, String credentialKey) {
        return kind.word() + '|' + schema.length() + '|' + schema + '|' + (credentialKey == null ? "" : credentialKey);
    }

    /**
     * The notice in a payload, if it is about the given schema; empty for another schema's notice, and for a payload
     * this version does not understand (a newer node's kind), which a listener ignores.
     */
    public static Optional<ChangeNotice> parse(String payload, String schema) {
        if (payload == null) {
            return Optional.empty();
        }
        int kindEnd = payload.indexOf('|');
        int lengthEnd = kindEnd < 0 ? -1 : payload.indexOf('|', kindEnd + 1);
        if (lengthEnd < 0) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.of(payload.substring(0, kindEnd));
        int length;
        try {
            length = Integer.parseInt(payload.substring(kindEnd + 1, lengthEnd));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        int schemaStart = lengthEnd + 1;
        int schemaEnd = schemaStart + length;
        if (kind.isEmpty() || length < 0 || schemaEnd >= payload.length() || payload.charAt(schemaEnd) != '|'
            || !payload.regionMatches(schemaStart, schema, 0, length) || schema.length() != length) {
            return Optional.empty();
        }
        String name = payload.substring(schemaEnd + 1);
        if (kind.get() == Kind.SCHEMES) {
            return Optional.of(new ChangeNotice(Kind.SCHEMES, null));
        }
        if (name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChangeNotice(kind.get(), CredentialName.of(name)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
