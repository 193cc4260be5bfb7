package io.ringwatch.notifiers.opsgenie;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sends each notification to Opsgenie's Alert API ({@link OpsgenieRequest}) with the header
 * {@code Authorization: GenieKey <key>}: a recovery closes the incident's alert, an
 * acknowledgement acknowledges it, every other kind creates it. Sent to a contact, the alert it
 * creates names the contact's Opsgenie user as a responder. A 2xx ({@code 202 Accepted}) is a
 * delivery; anything else makes {@link #send} throw an {@link IOException} ({@link OpsgenieAnswer}).
 * Neither the key nor a contact's address is ever shown.
 *
 * <p>Thread-safe: sends may overlap (the engine starts a new one when an earlier one timed
 * out). {@link #close()} is idempotent; a send after it throws {@link IllegalStateException}.
 */
final class OpsgenieNotifier extends HttpNotifier {
    static final String CONTENT_TYPE = "application/json";
    /** An Opsgenie username: the user's e-mail address. */
    private static final Pattern USERNAME_FORM = Pattern.compile("[^\\s@]+@[^\\s@]+");

    private final OpsgenieSettings settings;

    OpsgenieNotifier(OpsgenieSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
    }

    /** True: a contact's address is the contact's Opsgenie username, named as the responder of the alerts it creates. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * Creates, acknowledges or closes the alert and waits for the answer, at most the channel's timeout.
     *
     * @throws IOException if Opsgenie answers other than 2xx ({@code answered HTTP 422: …}),
     *         does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        post(OpsgenieRequest.of(notification), List.of(settings.apiKey()));
    }

    /** Empty if {@code address} is an Opsgenie username; else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        return USERNAME_FORM.matcher(address).matches() ? Optional.empty() : Optional.of("must be an Opsgenie username, the user's e-mail address");
    }

    /**
     * As {@link #deliver}, the alert it creates naming the recipient's user as its responder;
     * acknowledging and closing the incident's alert are the same for every contact.
     *
     * @throws IllegalArgumentException if the recipient's address is not an Opsgenie username
     *         (an e-mail address); the message names the contact, not the address
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        String username = recipient.address();
        post(OpsgenieRequest.of(notification, Optional.of(username)), List.of(settings.apiKey(), username));
    }

    /** Posts the request; {@code hidden} are cut out of what Opsgenie says, should it quote them. */
    private void post(OpsgenieRequest alert, List<String> hidden) throws IOException, InterruptedException {
        HttpRequest request = http().request(settings.resolve(alert.path()))
                .header("Content-Type", CONTENT_TYPE)
                .header("Authorization", "GenieKey " + settings.apiKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(alert.body()))
                .build();
        OpsgenieAnswer.check(http().send(request, "Opsgenie"), name(), hidden);
    }

    @Override
    protected String details() {
        return "api=" + ChannelHttp.origin(settings.apiUrl());
    }
}
