package io.ringwatch.agent.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The allowed key an unknown key was probably meant to be: the same key written in camelCase or
 * snake_case ({@code retryInterval} for {@code retry-interval}), or one a typo or two away
 * ({@code intervall} for {@code interval}). Thread-safe.
 */
final class KeySuggestion {
    private KeySuggestion() {
    }

    static Optional<String> nearest(String unknown, Collection<String> allowed) {
        String wanted = normalize(unknown);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : allowed) {
            int distance = distance(wanted, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int tolerated = wanted.length() <= 3 ? 1 : wanted.length() <= 6 ? 2 : 3;
        return best != null && bestDistance <= tolerated ? Optional.of(best) : Optional.empty();
    }

    /** Kebab-case: {@code retryInterval} and {@code retry_interval} become {@code retry-interval}. */
    private static String normalize(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance, with a swap of two neighbours counting as one edit. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
