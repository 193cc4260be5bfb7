package io.ringwatch.engine.probe;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads at most {@code maxBytes} of a response body, then cancels the rest, and gives the text
 * decoded as UTF-8 (malformed bytes, such as a character cut in half, become U+FFFD). A server
 * that sends an endless body cannot hold a check up or fill the heap. Signals arrive one at a
 * time, as the reactive-streams rules promise; not for use by several publishers.
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<String> {
    private final int maxBytes;
    private final ByteArrayOutputStream bytes;
    private final CompletableFuture<String> text = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(int maxBytes) {
        this.maxBytes = maxBytes;
        this.bytes = new ByteArrayOutputStream(Math.min(maxBytes, 8192));
    }

    /**
     * A handler that reads at most {@code maxBytes} of each body, then stops reading, and gives
     * the text read so far, decoded as UTF-8 leniently.
     */
    public static HttpResponse.BodyHandler<String> handler(int maxBytes) {
        return info -> new BoundedBody(maxBytes);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (maxBytes == 0) {
            finishEarly();
        } else {
            subscription.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (text.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int take = Math.min(buffer.remaining(), maxBytes - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.write(chunk, 0, take);
            if (bytes.size() >= maxBytes) {
                finishEarly();
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable failure) {
        text.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        text.complete(decoded());
    }

    @Override
    public CompletionStage<String> getBody() {
        return text;
    }

    private void finishEarly() {
        text.complete(decoded());
        subscription.cancel();
    }

    private String decoded() {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
