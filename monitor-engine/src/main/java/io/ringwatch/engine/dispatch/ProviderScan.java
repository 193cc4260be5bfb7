package io.ringwatch.engine.dispatch;

import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.OneLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a {@link ServiceLoader} so that one broken provider cannot hide the others: a
 * provider whose class is missing, is not a provider, lacks a dependency or fails in its
 * constructor is logged at WARN and skipped. The same failure is logged once. A loader that
 * keeps failing without moving on (its resources cannot even be listed) is given up after
 * {@link #MAX_FAILURES_IN_A_ROW} failures, so the scan always ends.
 */
final class ProviderScan {
    static final int MAX_FAILURES_IN_A_ROW = 100;

    private static final Logger LOG = LoggerFactory.getLogger(NotifierProviders.class);

    private ProviderScan() {
    }

    /** The providers that could be instantiated, in the order the loader gave them. */
    static List<NotifierProvider> scan(ClassLoader loader) {
        List<NotifierProvider> found = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        int failuresInARow = 0;
        Iterator<NotifierProvider> providers = ServiceLoader.load(NotifierProvider.class, loader).iterator();
        while (failuresInARow < MAX_FAILURES_IN_A_ROW) {
            try {
                if (!providers.hasNext()) {
                    return found;
                }
                found.add(providers.next());
                failuresInARow = 0;
            } catch (ServiceConfigurationError | LinkageError | RuntimeException failure) {
                failuresInARow++;
                String description = describe(failure);
                if (reported.add(description)) {
                    LOG.warn("Skipping a notifier provider that could not be loaded: {}", description);
                    LOG.debug("Why the notifier provider could not be loaded", failure);
                }
            }
        }
        LOG.warn("Stopped looking for notifier providers after {} failures in a row; using the {} found so far",
                MAX_FAILURES_IN_A_ROW, found.size());
        return found;
    }

    /** The failure and its causes on one line: {@code ServiceConfigurationError: ... <- IllegalStateException: boom}. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 5; t = t.getCause(), depth++) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return OneLine.of(text.toString(), 1000);
    }
}
