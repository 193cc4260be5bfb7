package io.ringwatch.agent.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in a scalar value with the variable's
 * value from an environment; {@code $${} stands for a literal {@code ${}. With {@code :-} the
 * default is used when the variable is unset or empty. Thread-safe.
 */
final class Substitution {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * A value after substitution.
     *
     * @param value the text with every reference replaced
     * @param substituted whether any reference was replaced, so the value must not be shown
     */
    record Result(String value, boolean substituted) {
    }

    /** Why a value could not be substituted; the message never holds the value. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private Substitution() {
    }

    static Result apply(String text, Map<String, String> environment) throws Failure {
        if (!text.contains("$")) {
            return new Result(text, false);
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean substituted = false;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new Failure("'${' without a closing '}' (write $${ for a literal ${)");
                }
                out.append(resolve(text.substring(i + 2, close), environment));
                substituted = true;
                i = close + 1;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return new Result(out.toString(), substituted);
    }

    private static String resolve(String reference, Map<String, String> environment) throws Failure {
        int separator = reference.indexOf(":-");
        String name = separator < 0 ? reference : reference.substring(0, separator);
        if (!NAME.matcher(name).matches()) {
            throw new Failure("a '${…}' reference does not name a variable: use ${NAME} or ${NAME:-default}, NAME made of"
                    + " letters, digits and '_' (write $${ for a literal ${)");
        }
        String value = environment.get(name);
        if (separator >= 0 && (value == null || value.isEmpty())) {
            return reference.substring(separator + 2);
        }
        if (value == null) {
            throw new Failure("environment variable " + name + " is not set (give a default with ${" + name + ":-default})");
        }
        return value;
    }
}
