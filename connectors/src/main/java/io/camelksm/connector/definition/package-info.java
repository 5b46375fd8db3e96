/**
 * The definition model (immutable records), reading YAML with line numbers, validation against the JSON Schema and the
 * rules the schema cannot say; every error names the file, the line and the field.
 */
package io.camelksm.connector.definition;
