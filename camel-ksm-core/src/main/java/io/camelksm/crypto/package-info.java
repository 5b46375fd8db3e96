/**
 * Encryption at rest of credential secrets. An {@link io.camelksm.crypto.EncryptionScheme} (algorithm and key, known
 * by a stable id) encrypts each value bound to its {@link io.camelksm.crypto.SecretLocation}; every stored
 * {@link io.camelksm.crypto.EncryptedValue} names the scheme that wrote it, so the
 * {@link io.camelksm.crypto.SchemeRegistry} can hold a current scheme and older ones while values are re-encrypted.
 * The default scheme is AES-256-GCM ({@link io.camelksm.crypto.AesGcmScheme}) with its key in an owner-only
 * {@link io.camelksm.crypto.KeyFile} outside the database. {@link io.camelksm.crypto.SchemeAlgorithm} names the
 * algorithms a scheme may use (AES-256-GCM, AES-256-CBC-HMAC-SHA256, and 3DES-CBC to read legacy values only) and
 * opens schemes from raw keys, which {@link io.camelksm.crypto.SchemeKeys} imports from and writes to owner-only
 * files. Knows nothing of databases or Camel.
 */
package io.camelksm.crypto;
