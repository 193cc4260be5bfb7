package io.ringwatch.engine.json;

/**
 * A JSON document that could not be read: the message says what was expected and where
 * (line and column, both counted from 1, columns in UTF-16 characters). Immutable.
 */
public final class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;

    JsonException(String problem, int line, int column) {
        super(problem + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    /** The line of the problem, from 1. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1. */
    public int column() {
        return column;
    }
}
