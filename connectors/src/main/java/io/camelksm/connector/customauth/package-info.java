/**
 * Custom authentication: templates such as {@code [Credential.Username]}, {@code [Credential.Password]},
 * {@code [Credential.Property.<name>]} and {@code [Credential.Token]} placed in a header, the query or the body. The
 * expanded value is a secret: masked in logs, tracing and errors.
 */
package io.camelksm.connector.customauth;
