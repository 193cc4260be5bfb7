package io.ringwatch.notifiers.pushover;

import io.ringwatch.api.NotifierSettings;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.ChannelSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings of a pushover channel, read and checked. The user key and the application token
 * are secrets: {@link #toString()} shows neither. Immutable and thread-safe.
 *
 * @param channel the channel's name
 * @param userKey the user's or group's key, 30 letters and digits
 * @param appToken the application's API token, 30 letters and digits
 * @param apiUrl the API's base URL, {@code https://api.pushover.net} unless overridden
 * @param device the device to send to, or empty for all of the user's devices
 * @param sound the sound to play, or empty for the user's choice
 * @param emergency for DOWN alerts and escalations, the retry interval and expiry of emergency
 *        priority; empty to send them with high priority
 * @param timeout how long one delivery may take
 */
record PushoverSettings(String channel, String userKey, String appToken, URI apiUrl, Optional<String> device,
        Optional<String> sound, Optional<Emergency> emergency, Duration timeout) {
    static final String USER_KEY = "user-key";
    static final String APP_TOKEN = "app-token";
    static final String API_URL = "api-url";
    static final String DEVICE = "device";
    static final String SOUND = "sound";
    static final String EMERGENCY = "emergency";
    static final String RETRY = "retry";
    static final String EXPIRE = "expire";
    static final String DEFAULT_API_URL = "https://api.pushover.net";

    private static final Pattern KEY_FORM = Pattern.compile("[A-Za-z0-9]{30}");
    private static final Pattern DEVICE_FORM = Pattern.compile("[A-Za-z0-9_-]{1,25}(,[A-Za-z0-9_-]{1,25})*");
    private static final Pattern SOUND_FORM = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * How an emergency-priority message is repeated until someone acknowledges it in the app.
     *
     * @param retry how often Pushover repeats it, at least 30 s
     * @param expire how long it keeps repeating, at most 3 h
     */
    record Emergency(Duration retry, Duration expire) {
        static final Duration DEFAULT_RETRY = Duration.ofSeconds(60);
        static final Duration DEFAULT_EXPIRE = Duration.ofHours(1);
        static final Duration MIN_RETRY = Duration.ofSeconds(30);
        static final Duration MAX_EXPIRE = Duration.ofHours(3);
    }

    PushoverSettings {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(appToken, "appToken");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(sound, "sound");
        Objects.requireNonNull(emergency, "emergency");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Reads {@code user-key} and {@code app-token} (required), {@code api-url}, {@code device},
     * {@code sound}, {@code emergency} with {@code retry} and {@code expire}, and {@code timeout}.
     *
     * @throws IllegalArgumentException naming the channel and the setting, never its value, if a
     *         setting is missing, malformed or unknown
     */
    static PushoverSettings from(NotifierSettings settings) {
        ChannelSettings channel = ChannelSettings.of(settings, "pushover",
                Set.of(USER_KEY, APP_TOKEN, API_URL, DEVICE, SOUND, EMERGENCY, RETRY, EXPIRE));
        String userKey = key(channel, USER_KEY, "the user's or group's key");
        String appToken = key(channel, APP_TOKEN, "the application's API token");
        URI apiUrl = channel.httpUrl(API_URL, DEFAULT_API_URL);
        Optional<String> device = channel.optional(DEVICE);
        if (device.isPresent() && !DEVICE_FORM.matcher(device.get()).matches()) {
            throw channel.invalid(DEVICE, "must be device names of up to 25 letters, digits, '-' or '_', separated by commas");
        }
        Optional<String> sound = channel.optional(SOUND);
        if (sound.isPresent() && !SOUND_FORM.matcher(sound.get()).matches()) {
            throw channel.invalid(SOUND, "must be the name of a Pushover sound, such as siren or persistent");
        }
        return new PushoverSettings(settings.channel(), userKey, appToken, apiUrl, device, sound, emergency(channel),
                channel.timeout());
    }

    /** Whether {@code key} has the form of a Pushover user or group key: 30 letters and digits. */
    static boolean isUserKey(String key) {
        return KEY_FORM.matcher(key).matches();
    }

    /** The API's {@code /1/messages.json}. */
    URI messagesUrl() {
        String base = apiUrl.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "1/messages.json");
    }

    /** The API's scheme, host and port: {@code https://api.pushover.net:443}. */
    String origin() {
        return ChannelHttp.origin(apiUrl);
    }

    /** Shows the channel, the API's origin, the device, whether DOWN is an emergency, and the timeout; no key. */
    @Override
    public String toString() {
        return "PushoverSettings[channel=" + channel + ", api=" + origin() + ", device=" + device.orElse("all")
                + ", emergency=" + emergency.isPresent() + ", timeout=" + timeout + "]";
    }

    private static String key(ChannelSettings channel, String setting, String what) {
        String key = channel.required(setting);
        if (!KEY_FORM.matcher(key).matches()) {
            throw channel.invalid(setting, "must be " + what + ": 30 letters and digits");
        }
        return key;
    }

    private static Optional<Emergency> emergency(ChannelSettings channel) {
        String enabled = channel.optional(EMERGENCY).orElse("false").toLowerCase(Locale.ROOT);
        boolean on = switch (enabled) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw channel.invalid(EMERGENCY, "must be true or false");
        };
        Optional<String> retry = channel.optional(RETRY);
        Optional<String> expire = channel.optional(EXPIRE);
        if (!on) {
            if (retry.isPresent() || expire.isPresent()) {
                throw channel.invalid(retry.isPresent() ? RETRY : EXPIRE, "applies only with 'emergency' true");
            }
            return Optional.empty();
        }
        Duration retryEvery = retry.isPresent() ? Durations.parse(retry.get()) : Emergency.DEFAULT_RETRY;
        if (retryEvery == null || retryEvery.compareTo(Emergency.MIN_RETRY) < 0 || retryEvery.compareTo(Emergency.MAX_EXPIRE) > 0) {
            throw channel.invalid(RETRY, "must be a duration from 30s to 3h, such as 60s or 5m");
        }
        Duration expireAfter = expire.isPresent() ? Durations.parse(expire.get()) : Emergency.DEFAULT_EXPIRE;
        if (expireAfter == null || expireAfter.compareTo(Emergency.MIN_RETRY) < 0 || expireAfter.compareTo(Emergency.MAX_EXPIRE) > 0) {
            throw channel.invalid(EXPIRE, "must be a duration from 30s to 3h, such as 30m or 1h");
        }
        return Optional.of(new Emergency(retryEvery, expireAfter));
    }
}
