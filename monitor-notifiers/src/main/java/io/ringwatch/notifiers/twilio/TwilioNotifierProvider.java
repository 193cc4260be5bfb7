package io.ringwatch.notifiers.twilio;

import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelSettings;
import io.ringwatch.notifiers.channel.ChannelUrl;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Provides the {@code twilio} channel, which texts (SMS) or phones people through Twilio.
 * Settings:
 * <ul>
 *   <li>{@code account-sid}, {@code auth-token} (required): the account's credentials. Secrets:
 *       never shown;</li>
 *   <li>{@code from} (required): the Twilio number calls and texts come from, E.164
 *       ({@code +15017122661});</li>
 *   <li>{@code to} (required): whom to reach, E.164 numbers separated by commas;</li>
 *   <li>{@code mode} (optional): {@code sms} (the default) or {@code call};</li>
 *   <li>{@code ack-url} (optional, with {@code call} only): where Twilio posts the key the
 *       callee pressed; when set, the call says "Press 1 to acknowledge.";</li>
 *   <li>{@code api-url} (optional, default {@value TwilioSettings#DEFAULT_API_URL});</li>
 *   <li>{@code timeout} (optional, default 10 s): how long one request may take.</li>
 * </ul>
 * As one channel URL: {@code twilio://SID:TOKEN@FROM/TO[/TO…][?mode=call&ack-url=…&timeout=10s]}.
 * An unknown setting is rejected. A contact's address on the channel is a phone number, which a
 * notification for that contact calls or texts instead of {@code to}. An acknowledgement is
 * texted in short, and places no call. Thread-safe, as are the notifiers it makes.
 */
public final class TwilioNotifierProvider implements NotifierProvider {
    /** The provider's id. */
    public static final String ID = "twilio";
    static final String URL_FORM = "twilio://SID:TOKEN@FROM/TO[/TO...][?mode=call&ack-url=...&timeout=10s]";
    private static final Set<String> PARAMETERS = Set.of(TwilioSettings.MODE, TwilioSettings.ACK_URL, ChannelSettings.TIMEOUT);

    @Override
    public String id() {
        return ID;
    }

    /**
     * Makes a Twilio notifier named after the channel. No request is made yet.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if
     *         a required setting is missing or blank, {@code account-sid} is not letters and
     *         digits, {@code to} has an empty entry, {@code mode} is not {@code call} or
     *         {@code sms}, {@code ack-url} is given for SMS or is not an http or https URL,
     *         {@code timeout} is not a positive duration of at most an hour, or a setting is unknown
     * @throws NullPointerException if {@code settings} is null
     */
    @Override
    public Notifier create(NotifierSettings settings) {
        return new TwilioNotifier(TwilioSettings.from(Objects.requireNonNull(settings, "settings")));
    }

    /** {@code twilio://SID:TOKEN@FROM/TO}. */
    @Override
    public Set<String> urlSchemes() {
        return Set.of("twilio");
    }

    /**
     * Reads {@code twilio://SID:TOKEN@FROM/TO[/TO…][?mode=call&ack-url=…&timeout=10s]}: the
     * account SID and auth token, the number to call or text from, and one or more numbers to
     * reach. A {@code +} stays a {@code +}; {@code ack-url} must be percent-encoded.
     *
     * @throws IllegalArgumentException if the URL is not of that form; the message never quotes it
     */
    @Override
    public Map<String, String> settingsOf(String url) {
        ChannelUrl parsed = ChannelUrl.parse(url, URL_FORM);
        String authority = parsed.authority();
        int at = authority.lastIndexOf('@');
        int colon = authority.indexOf(':');
        if (at < 0 || colon < 0 || colon > at) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (no SID:TOKEN@ before the number)");
        }
        String sid = decode(authority.substring(0, colon));
        String token = decode(authority.substring(colon + 1, at));
        String from = decode(authority.substring(at + 1));
        List<String> to = parsed.pathParts();
        if (sid.isEmpty() || token.isEmpty() || from.isEmpty() || to.isEmpty()) {
            throw new IllegalArgumentException("expected a URL of the form " + URL_FORM
                    + " (the SID, the token, the number to call from and at least one number to reach)");
        }
        for (String key : parsed.query().keySet()) {
            if (!PARAMETERS.contains(key)) {
                throw new IllegalArgumentException("expected a URL of the form " + URL_FORM + " (unknown parameter '" + key + "')");
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TwilioSettings.ACCOUNT_SID, sid);
        settings.put(TwilioSettings.AUTH_TOKEN, token);
        settings.put(TwilioSettings.FROM, from);
        settings.put(TwilioSettings.TO, String.join(",", to));
        parsed.query().forEach(settings::put);
        return settings;
    }

    @Override
    public String toString() {
        return "TwilioNotifierProvider[" + ID + "]";
    }

    private static String decode(String part) {
        return ChannelUrl.decode(part, "expected a URL of the form " + URL_FORM + " (a malformed %-escape)");
    }
}
