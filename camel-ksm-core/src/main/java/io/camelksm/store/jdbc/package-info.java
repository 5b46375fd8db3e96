/**
 * camel-ksm's own database (embedded H2 by default, PostgreSQL in production): {@link
 * io.camelksm.store.jdbc.KsmDatabase} opens it, migrates the schema with Flyway (scripts in
 * {@code io/camelksm/store/jdbc/migration}, outside the {@code db/migration} an application's own Flyway scans) and
 * hands out the credential store, the access-rights store and the append-only audit trail that live in it.
 */
package io.camelksm.store.jdbc;
