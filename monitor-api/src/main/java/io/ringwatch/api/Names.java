package io.ringwatch.api;

import java.util.regex.Pattern;

/** Validation shared by the id types. */
final class Names {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private Names() {
    }

    static String requireId(String value, String what) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + OneLine.of(value, 80)
                    + "' is not valid: use 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return value;
    }
}
