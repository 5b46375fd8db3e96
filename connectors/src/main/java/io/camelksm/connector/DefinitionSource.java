package io.camelksm.connector;

/** The text of one definition file and the name errors give it (a path or URL). */
record DefinitionSource(String name, String text) {
}
