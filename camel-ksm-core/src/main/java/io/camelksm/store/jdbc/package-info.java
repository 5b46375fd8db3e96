/**
 * camel-ksm's own database (embedded H2 by default, PostgreSQL in production): {@link
 * io.camelksm.store.jdbc.KsmDatabase} opens it, migrates the schema with Flyway ({@code db/migration/ksm}) and hands
 * out the credential store, the access-rights store and the append-only audit trail that live in it.
 */
package io.camelksm.store.jdbc;
