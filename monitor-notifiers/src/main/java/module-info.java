/**
 * Notifier providers for real channels, each found through {@link java.util.ServiceLoader}
 * under its id: {@code console}, {@code webhook}, {@code email}, {@code alertmanager}.
 */
module io.ringwatch.notifiers {
    requires io.ringwatch.api;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    // email: the Jakarta Mail API, and Angus Mail, which implements its SMTP transport.
    requires jakarta.mail;
    requires org.eclipse.angus.mail;

    // What every channel shares, for providers of other jars too: settings checks, HTTP, channel URLs.
    exports io.ringwatch.notifiers.channel;

    provides io.ringwatch.api.NotifierProvider with
            io.ringwatch.notifiers.console.ConsoleNotifierProvider,
            io.ringwatch.notifiers.webhook.WebhookNotifierProvider,
            io.ringwatch.notifiers.email.EmailNotifierProvider,
            io.ringwatch.notifiers.alertmanager.AlertmanagerNotifierProvider;
}
