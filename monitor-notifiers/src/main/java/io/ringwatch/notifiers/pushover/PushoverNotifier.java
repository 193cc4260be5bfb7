package io.ringwatch.notifiers.pushover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends each notification with Pushover's Message API: {@code POST {api-url}/1/messages.json},
 * form-encoded ({@link PushoverMessage}), to the channel's user or group, or to a contact's: a
 * contact's address is a Pushover user or group key. A 2xx answer with {@code "status":1} is a
 * delivery; anything else makes {@link #send} throw an {@link IOException} naming the channel,
 * the status and Pushover's {@code errors}, never a key or the token.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class PushoverNotifier extends HttpNotifier {
    static final String PROVIDER = "Pushover";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 200;

    private final PushoverSettings settings;

    PushoverNotifier(PushoverSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /** True: a contact's address is the contact's own Pushover user or group key. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Sends the message to the channel's user or group and waits for Pushover's answer, at most
     * the channel's timeout.
     *
     * @throws IOException if Pushover refuses it ({@code Pushover answered HTTP 400: user identifier
     *         is invalid}), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        post(notification, settings.userKey(), settings.device());
    }

    /** Empty if {@code address} is a Pushover user or group key; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        return PushoverSettings.isUserKey(address) ? Optional.empty() : Optional.of("must be a Pushover user or group key: 30 letters and digits");
    }

    /**
     * As {@link #deliver}, to the user or group whose key is the recipient's address, on all of
     * its devices: the channel's {@code device} names devices of the channel's own user.
     *
     * @throws IllegalArgumentException if the address is not a user or group key (30 letters and
     *         digits); the message names the contact, not the address
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        post(notification, recipient.address(), Optional.empty());
    }

    private void post(Notification notification, String userKey, Optional<String> device) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.messagesUrl())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(PushoverMessage.form(notification, settings, userKey, device)))
                .build();
        HttpAnswer answer = http().send(request, PROVIDER);
        JsonNode body = parse(answer.body());
        if (!answer.isSuccess() || body.path("status").asInt(0) != 1) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + (answer.isSuccess() ? " without \"status\":1" : "") + describe(body, userKey));
        }
    }

    /** {@code ": user identifier is invalid"}: Pushover's {@code errors}, joined, without the token or a key; empty if none. */
    private String describe(JsonNode body, String userKey) {
        List<String> errors = new ArrayList<>();
        body.path("errors").forEach(error -> errors.add(error.asText()));
        String text = String.join("; ", errors).replace(settings.appToken(), "…").replace(settings.userKey(), "…")
                .replace(userKey, "…");
        return text.isBlank() ? "" : ": " + OneLine.of(text, MAX_ERROR);
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node == null || !node.isObject() ? JSON.missingNode() : node;
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    @Override
    protected String details() {
        return "api=" + settings.origin() + ", device=" + settings.device().orElse("all")
                + ", emergency=" + settings.emergency().isPresent();
    }
}
