package io.ringwatch.engine.json;

/**
 * Writes and reads JSON for the engine's own records. Stateless and thread-safe.
 *
 * <p>What {@link #write} accepts and what {@link #parse} gives back:
 * <table>
 *   <caption>Java types for each JSON type</caption>
 *   <tr><th>JSON</th><th>written from</th><th>read as</th></tr>
 *   <tr><td>object</td><td>{@code Map} with {@code String} keys, in iteration order</td>
 *       <td>{@code LinkedHashMap<String, Object>}, in document order</td></tr>
 *   <tr><td>array</td><td>any {@code Collection}</td><td>{@code ArrayList<Object>}</td></tr>
 *   <tr><td>string</td><td>{@code String}</td><td>{@code String}</td></tr>
 *   <tr><td>integer</td><td>{@code Byte}, {@code Short}, {@code Integer}, {@code Long},
 *       {@code BigInteger}, a {@code BigDecimal} of scale 0</td>
 *       <td>{@code Long} if it fits, else {@code BigInteger}</td></tr>
 *   <tr><td>number with a fraction or exponent</td><td>{@code BigDecimal}, finite {@code Double}
 *       or {@code Float}</td><td>{@code BigDecimal}</td></tr>
 *   <tr><td>true, false</td><td>{@code Boolean}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>null</td><td>{@code null}</td><td>{@code null}</td></tr>
 * </table>
 * So {@code parse(write(v))} equals {@code v} for every value built from the "read as" types.
 */
public final class Json {
    private Json() {
    }

    /**
     * Writes a value as compact JSON on exactly one line: {@code "}, {@code \}, every control
     * character, U+2028, U+2029 and unpaired surrogates are escaped, so the result holds no
     * line break and encodes to UTF-8 without loss.
     *
     * @throws IllegalArgumentException if the value (or anything in it) is of another type, a
     *         map key is not a string, or a number is NaN or infinite
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        JsonWriter.write(value, out);
        return out.toString();
    }

    /**
     * Reads one JSON document (any value, surrounded by optional whitespace).
     *
     * @throws NullPointerException if {@code text} is null
     * @throws JsonException if the text is not exactly one valid JSON value, an object has a
     *         key twice, or arrays and objects nest deeper than 64 levels
     */
    public static Object parse(String text) {
        return new JsonReader(text).readDocument();
    }
}
