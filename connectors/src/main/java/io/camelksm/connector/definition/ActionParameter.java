package io.camelksm.connector.definition;

/** An input of an action, read from the message header of the same name; {@code defaultValue} may be null. */
public record ActionParameter(String name, String description, boolean required, String defaultValue) {
}
