package io.ringwatch.notifiers.twilio;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of a Twilio channel, read and checked. The account SID, the auth token and the
 * acknowledgement URL (which may carry a token of its own) are secrets: {@link #toString()}
 * shows none of them, nor the phone numbers. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param accountSid the account's SID, {@code AC…}: letters and digits
 * @param authToken the account's auth token (a secret)
 * @param from the Twilio number (or verified caller id, or sender id) the calls and texts come from
 * @param to whom to call or text, at least one
 * @param mode {@link TwilioMode#CALL} or {@link TwilioMode#SMS}
 * @param ackUrl with {@link TwilioMode#CALL} only: where Twilio posts the key the callee pressed
 * @param apiUrl where Twilio's REST API is, without a trailing slash
 * @param timeout how long one request may take
 */
record TwilioSettings(String channel, String accountSid, String authToken, String from, List<String> to,
        TwilioMode mode, Optional<URI> ackUrl, URI apiUrl, Duration timeout) {
    static final String ACCOUNT_SID = "account-sid";
    static final String AUTH_TOKEN = "auth-token";
    static final String FROM = "from";
    static final String TO = "to";
    static final String MODE = "mode";
    static final String ACK_URL = "ack-url";
    static final String API_URL = "api-url";
    static final String DEFAULT_API_URL = "https://api.twilio.com";
    static final String API_VERSION = "2010-04-01";

    TwilioSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(ackUrl, "ackUrl");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code account-sid}, {@code auth-token}, {@code from} and {@code to} (required;
     * {@code to} lists numbers separated by commas), {@code mode} ({@code sms} by default, or
     * {@code call}), {@code ack-url} (with {@code call} only), {@code api-url} (default
     * {@value #DEFAULT_API_URL}) and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, blank, malformed or unknown
     */
    static TwilioSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, TwilioNotifierProvider.ID,
                Set.of(ACCOUNT_SID, AUTH_TOKEN, FROM, TO, MODE, ACK_URL, API_URL));
        String accountSid = channel.required(ACCOUNT_SID);
        if (!accountSid.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            throw channel.invalid(ACCOUNT_SID, "must be letters and digits, as Twilio's account SIDs (AC…) are");
        }
        String authToken = channel.required(AUTH_TOKEN);
        String from = channel.required(FROM);
        List<Optional<String>> numbers = Arrays.stream(channel.required(TO).split(",", -1)).map(TwilioSettings::number).toList();
        if (numbers.stream().anyMatch(Optional::isEmpty)) {
            throw channel.invalid(TO, "must list phone numbers separated by commas, none of them empty");
        }
        List<String> to = numbers.stream().map(Optional::get).toList();
        TwilioMode mode = channel.optional(MODE).map(text -> TwilioMode.parse(text)
                .orElseThrow(() -> channel.invalid(MODE, "must be call or sms"))).orElse(TwilioMode.SMS);
        Optional<URI> ackUrl = channel.optional(ACK_URL).map(text -> channel.httpUrl(ACK_URL));
        if (ackUrl.isPresent() && mode != TwilioMode.CALL) {
            throw channel.invalid(ACK_URL, "applies only to calls: set mode to call, or remove it");
        }
        if (ackUrl.isPresent() && !TwiML.leavesRoomFor(ackUrl.get())) {
            throw channel.invalid(ACK_URL, "is too long to fit in a call's TwiML with the message");
        }
        URI apiUrl = channel.httpUrl(API_URL, DEFAULT_API_URL);
        return new TwilioSettings(settings.channel(), accountSid, authToken, from, to, mode, ackUrl,
                URI.create(apiUrl.toString().replaceAll("/+$", "")), channel.timeout());
    }

    /**
     * One phone number as {@code to} holds them, and as a contact's address on the channel is
     * given: without surrounding blanks, not empty, no comma. Empty if {@code text} is not one.
     * Whether the number exists is Twilio's to say.
     */
    static Optional<String> number(String text) {
        String number = text.strip();
        return number.isEmpty() || number.contains(",") ? Optional.empty() : Optional.of(number);
    }

    /** Where calls or texts are created: {@code {api-url}/2010-04-01/Accounts/{AccountSid}/Calls.json} or {@code Messages.json}. */
    URI resourceUrl() {
        return URI.create(apiUrl + "/" + API_VERSION + "/Accounts/" + accountSid + "/" + mode.resource());
    }

    /** Shows the channel, the mode, how many recipients, whether calls can be acknowledged, the API's origin and the timeout. */
    @Override
    public String toString() {
        return "TwilioSettings[channel=" + channel + ", mode=" + mode.name().toLowerCase(java.util.Locale.ROOT)
                + ", recipients=" + to.size() + ", acknowledgeable=" + ackUrl.isPresent() + ", api="
                + ChannelHttp.origin(apiUrl) + ", timeout=" + timeout + "]";
    }
}
