package io.ringwatch.notifiers.twilio;

import io.ringwatch.api.CallbackReceiver;
import io.ringwatch.api.Notification;
import io.ringwatch.api.Recipient;
import io.ringwatch.notifiers.channel.ChannelHttp;
import io.ringwatch.notifiers.channel.HttpNotifier;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Calls or texts each recipient through Twilio's REST API ({@code POST
 * /2010-04-01/Accounts/{AccountSid}/Calls.json} or {@code Messages.json}, HTTP Basic
 * authentication with the account SID and auth token, one form per recipient:
 * {@link TwilioForm}). A 2xx ({@code 201 Created}) is a delivery to that recipient.
 *
 * <p>A notification for a contact ({@link #send(Notification, Recipient)}) calls or texts the
 * contact's number instead, and only that one. In {@code call} mode an acknowledgement places no
 * call, to the configured numbers or to a contact's ({@link TwilioMode#reaches}): {@code send}
 * returns without a request, as nobody should be woken to hear that someone else is on it.
 *
 * <p>Recipients are tried one after another, each request bounded by the channel's timeout. A
 * recipient that Twilio refuses does not keep the others from being tried; then {@link #send}
 * throws an {@link IOException} naming how many failed and why the first did. A timeout or a
 * network error ends the send at once (the others would most likely fail the same way). The
 * engine may then send the notification again: recipients already reached get it twice, which
 * is better than none.
 *
 * <p>Thread-safe: sends may overlap (the engine starts a new one when an earlier one timed
 * out). {@link #close()} is idempotent; a send after it throws {@link IllegalStateException}.
 */
final class TwilioNotifier extends HttpNotifier {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final TwilioSettings settings;
    private final String authorization;

    TwilioNotifier(TwilioSettings settings) {
        super(settings.channel(), settings.timeout());
        this.settings = settings;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates one call or text per recipient, in order.
     *
     * @throws IOException if Twilio refuses one or more recipients
     *         ({@code Twilio answered HTTP 400 for recipient 2 of 3: error 21211: …}), does not
     *         answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliver(Notification notification) throws IOException, InterruptedException {
        if (!settings.mode().reaches(notification.kind())) {
            return;
        }
        List<String> refused = new ArrayList<>();
        List<String> to = settings.to();
        for (int i = 0; i < to.size(); i++) {
            TwilioAnswer.problem(http().send(request(notification, to.get(i)), "Twilio"), settings, i + 1)
                    .ifPresent(refused::add);
        }
        if (!refused.isEmpty()) {
            throw new IOException("channel '" + name() + "': " + refused.get(0)
                    + (refused.size() > 1 ? " (" + refused.size() + " of " + to.size() + " recipients failed)" : ""));
        }
    }

    /** True: a contact's address on a Twilio channel is a phone number, E.164. */
    @Override
    public boolean sendsToAddresses() {
        return true;
    }

    /**
     * For a calling channel with an {@code ack-url}: takes the key the callee pressed, posted by
     * Twilio to {@code /ringwatch/v1/callback/<channel>} (see {@link TwilioKeypress}).
     */
    @Override
    public Optional<CallbackReceiver> callbacks() {
        return settings.mode() == TwilioMode.CALL
                ? settings.ackUrl().map(url -> (CallbackReceiver) new TwilioKeypress(settings, url, Clock.systemUTC()))
                : Optional.empty();
    }

    /** Empty if {@code address} is one phone number in E.164 form ({@code +} and up to 15 digits); else what it must be. */
    @Override
    public Optional<String> addressProblem(String address) {
        boolean e164 = TwilioSettings.number(address).filter(number -> E164.matcher(number).matches()).isPresent();
        return e164 ? Optional.empty() : Optional.of("must be one phone number, E.164 (+15558675310)");
    }

    /**
     * Creates one call or text to the contact's number, instead of the configured ones.
     *
     * @throws IllegalArgumentException if the address is not one phone number (checked as
     *         {@code to} is); the message names the contact, never the address
     * @throws IOException if Twilio refuses it ({@code Twilio answered HTTP 400 for contact alice: error 21211: …},
     *         the number cut out), does not answer within the timeout, or cannot be reached
     * @throws InterruptedException if the calling thread is interrupted; the request is abandoned
     */
    @Override
    protected void deliverTo(Notification notification, Recipient recipient) throws IOException, InterruptedException {
        String number = TwilioSettings.number(recipient.address()).orElseThrow(); // checked by addressProblem
        if (!settings.mode().reaches(notification.kind())) {
            return;
        }
        Optional<String> refused = TwilioAnswer.problemFor(http().send(request(notification, number), "Twilio"), settings,
                recipient.contact(), number);
        if (refused.isPresent()) {
            throw new IOException("channel '" + name() + "': " + refused.get());
        }
    }

    private HttpRequest request(Notification notification, String to) {
        return http().request(settings.resourceUrl())
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(
                        TwilioForm.encoded(TwilioForm.fields(notification, settings, to)), StandardCharsets.UTF_8))
                .build();
    }

    @Override
    protected String details() {
        return "mode=" + settings.mode().name().toLowerCase(Locale.ROOT) + ", recipients=" + settings.to().size()
                + ", acknowledgeable=" + settings.ackUrl().isPresent() + ", api=" + ChannelHttp.origin(settings.apiUrl());
    }
}
