/**
 * Notifier providers for real channels, each found through {@link java.util.ServiceLoader}
 * under its id: {@code console}, {@code webhook}, {@code slack}, {@code msteams},
 * {@code discord}, {@code mattermost}, {@code telegram}, {@code matrix}, {@code ntfy},
 * {@code gotify}, {@code pushover}, {@code pagerduty}, {@code opsgenie}, {@code twilio},
 * {@code email}, {@code alertmanager}, {@code xmpp}.
 */
module io.ringwatch.notifiers {
    requires io.ringwatch.api;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    // email: the Jakarta Mail API, and Angus Mail, which implements its SMTP transport.
    requires jakarta.mail;
    requires org.eclipse.angus.mail;
    // The xmpp channel's client, Smack, and the JID types it takes. These jars have no module
    // descriptor and no Automatic-Module-Name, so they are automatic modules named after the
    // files: smack-core-4.4.8.jar is smack.core. smack.java8 is not used by name: it plugs the
    // JDK's SASL, DNS and TLS host name check into Smack at run time.
    requires smack.core;
    requires smack.tcp;
    requires smack.extensions;
    requires smack.java8;
    requires jxmpp.core;
    requires jxmpp.jid;

    // What every channel shares, for providers of other jars too: settings checks, HTTP, the HTTP notifier's
    // skeleton, text, channel URLs.
    exports io.ringwatch.notifiers.channel;

    provides io.ringwatch.api.NotifierProvider with
            io.ringwatch.notifiers.console.ConsoleNotifierProvider,
            io.ringwatch.notifiers.webhook.WebhookNotifierProvider,
            io.ringwatch.notifiers.pagerduty.PagerDutyNotifierProvider,
            io.ringwatch.notifiers.opsgenie.OpsgenieNotifierProvider,
            io.ringwatch.notifiers.twilio.TwilioNotifierProvider,
            io.ringwatch.notifiers.telegram.TelegramNotifierProvider,
            io.ringwatch.notifiers.matrix.MatrixNotifierProvider,
            io.ringwatch.notifiers.ntfy.NtfyNotifierProvider,
            io.ringwatch.notifiers.gotify.GotifyNotifierProvider,
            io.ringwatch.notifiers.pushover.PushoverNotifierProvider,
            io.ringwatch.notifiers.slack.SlackNotifierProvider,
            io.ringwatch.notifiers.msteams.TeamsNotifierProvider,
            io.ringwatch.notifiers.discord.DiscordNotifierProvider,
            io.ringwatch.notifiers.mattermost.MattermostNotifierProvider,
            io.ringwatch.notifiers.email.EmailNotifierProvider,
            io.ringwatch.notifiers.alertmanager.AlertmanagerNotifierProvider,
            io.ringwatch.notifiers.xmpp.XmppNotifierProvider;
}
