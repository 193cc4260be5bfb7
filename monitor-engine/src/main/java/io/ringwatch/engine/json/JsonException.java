package io.ringwatch.engine.json;

/** Placeholder until the JSON reader lands. */
public class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
