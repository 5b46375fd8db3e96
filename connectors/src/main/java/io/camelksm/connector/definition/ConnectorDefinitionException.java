package io.camelksm.connector.definition;

/**
 * A definition that does not load. The message reads {@code <source>:<line>: <field>: <problem>} and never holds a
 * value that could be a secret.
 */
public class ConnectorDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;

    public ConnectorDefinitionException(String source, int line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public ConnectorDefinitionException(String source, int line, String field, String problem, Throwable cause) {
        this(source, line, field, problem);
        initCause(cause);
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder text = new StringBuilder(source == null ? "<unknown>" : source);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (field != null && !field.isEmpty()) {
            text.append(field).append(": ");
        }
        return text.append(problem).toString();
    }

    /** Where the definition was read from. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when not known. */
    public int line() {
        return line;
    }

    /** The field as {@code actions[0].method}, or empty for the whole file. */
    public String field() {
        return field == null ? "" : field;
    }
}
