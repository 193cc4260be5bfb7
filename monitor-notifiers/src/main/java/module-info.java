/**
 * Notifier providers for real channels, each found through {@link java.util.ServiceLoader}
 * under its id: {@code console} for now.
 */
module io.ringwatch.notifiers {
    requires io.ringwatch.api;

    provides io.ringwatch.api.NotifierProvider with io.ringwatch.notifiers.console.ConsoleNotifierProvider;
}
