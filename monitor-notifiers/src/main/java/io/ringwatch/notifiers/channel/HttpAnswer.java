package io.ringwatch.notifiers.channel;

import java.util.Objects;

/**
 * What a provider's API answered.
 *
 * @param status the HTTP status code
 * @param body the body as text, cut at {@link ChannelHttp#MAX_ANSWER_BYTES}
 */
public record HttpAnswer(int status, String body) {
    /** @throws NullPointerException if {@code body} is null */
    public HttpAnswer {
        Objects.requireNonNull(body, "body");
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }

    /** Shows the status and the body's length: bodies may echo what was sent. */
    @Override
    public String toString() {
        return "HttpAnswer[" + status + ", " + body.length() + " chars]";
    }
}
