package io.ringwatch.notifiers.ntfy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringwatch.api.Notification;
import io.ringwatch.api.OneLine;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.HttpAnswer;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.Optional;

/**
 * Publishes each notification to the channel's ntfy topic, or to a contact's topic on the same
 * server: {@code POST {server}/{topic}} with the text as the body and {@code Title},
 * {@code Priority} and {@code Tags} headers ({@link NtfyMessage}), logged in with a bearer token
 * or a user and password when set. A 2xx answer is a delivery; any other makes {@link #send}
 * throw an {@link IOException} naming the channel, the status and ntfy's error, never a topic or
 * a secret.
 *
 * <p>Thread-safe: sends may overlap. {@link #close()} is idempotent; a send after it throws
 * {@link IllegalStateException}.
 */
final class NtfyNotifier extends HttpNotifier {
    static final String PROVIDER = "ntfy";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 200;

    private final NtfySettings settings;

    NtfyNotifier(NtfySettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /** True: a contact's address is a topic of their own, on the channel's server. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Publishes the message to the channel's topic and waits for the server's answer, at most the
     * channel's timeout.
     *
     * @throws IOException if ntfy refuses it ({@code ntfy answered HTTP 403: forbidden}), does not
     *         answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        publish(notification, settings.topic());
    }

    /** Empty if {@code address} is an ntfy topic; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        return NtfySettings.isTopic(address) ? Optional.empty() : Optional.of("must be an ntfy topic: 1 to 64 letters, digits, '-' or '_'");
    }

    /**
     * As {@link #deliver}, to the topic that is the recipient's address, on the channel's server
     * and with its login.
     *
     * @throws IllegalArgumentException if the address is not a topic name (1 to 64 letters,
     *         digits, '-' or '_'); the message names the contact, not the address
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        publish(notification, recipient.address());
    }

    private void publish(Notification notification, String topic) throws IOException, InterruptedException {
        HttpRequest.Builder request = http().request(settings.topicUrl(topic))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .header("Title", NtfyMessage.title(notification))
                .header("Priority", NtfyMessage.priority(notification))
                .header("Tags", NtfyMessage.tags(notification))
                .POST(HttpRequest.BodyPublishers.ofByteArray(NtfyMessage.body(notification)));
        settings.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpAnswer answer = http().send(request.build(), PROVIDER);
        if (!answer.isSuccess()) {
            throw new IOException("channel '" + name() + "': " + PROVIDER + " answered HTTP " + answer.status()
                    + describe(answer.body(), topic));
        }
    }

    /**
     * {@code ": forbidden"} from ntfy's error body ({@code {"code":40301,"http":403,"error":"forbidden"}}),
     * without the topics; empty if none.
     */
    private String describe(String body, String topic) {
        try {
            JsonNode error = JSON.readTree(body);
            String text = error == null ? "" : error.path("error").asText("");
            return text.isBlank() ? "" : ": " + OneLine.of(text.replace(settings.topic(), "…").replace(topic, "…"), MAX_ERROR);
        } catch (IOException notJson) {
            return "";
        }
    }

    @Override
    protected String details() {
        return "server=" + settings.origin() + ", login=" + settings.login();
    }
}
