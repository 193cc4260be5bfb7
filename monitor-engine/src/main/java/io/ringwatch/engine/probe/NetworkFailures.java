package io.ringwatch.engine.probe;

import io.ringwatch.api.OneLine;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.peer.PeerUnreachableException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.InterruptedByTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;

/**
 * Says why a network call got no answer: turns the exception it failed with into a
 * {@link NoAnswer} and a few words of detail. The detail never holds a URL, a query or a
 * credential: only a host name, a timeout, a short TLS cause or an exception's class name.
 * Stateless and thread-safe.
 */
public final class NetworkFailures {
    private static final int MAX_CAUSES = 16;
    private static final int MAX_DETAIL_LENGTH = 80;

    private NetworkFailures() {
    }

    /**
     * The response for a call that failed.
     *
     * @param failure what the call failed with; wrappers such as {@link CompletionException} are looked through
     * @param latency how long the call ran
     * @param timeout the call's timeout, named in the detail of a timeout
     * @throws NullPointerException if an argument is null
     */
    public static ServiceResponse.NotReceived notReceived(Throwable failure, Duration latency, Duration timeout) {
        return notReceived(failure, latency, timeout, null);
    }

    /**
     * The exception for a question to a peer that failed; its message is safe to log.
     *
     * @param failure what the call failed with; wrappers such as {@link CompletionException} are looked through
     * @param timeout the call's timeout, named in the detail of a timeout
     * @throws NullPointerException if an argument is null
     */
    public static PeerUnreachableException unreachable(Throwable failure, Duration timeout) {
        Failure classified = classify(failure, timeout, null);
        return new PeerUnreachableException(classified.cause(), classified.detail());
    }

    /** As {@link #notReceived(Throwable, Duration, Duration)}, naming {@code host} if it does not resolve. */
    static ServiceResponse.NotReceived notReceived(Throwable failure, Duration latency, Duration timeout, String host) {
        Objects.requireNonNull(latency, "latency");
        Failure classified = classify(failure, timeout, host);
        return new ServiceResponse.NotReceived(classified.cause(), classified.detail(), latency);
    }

    /** The detail of a timeout: {@code after 10000 ms}. */
    static String afterTimeout(Duration timeout) {
        return "after " + timeout.toMillis() + " ms";
    }

    /**
     * Why {@code failure} means no answer, and a few safe words about it.
     *
     * @param host the host called, named when it does not resolve; null to take it from the exception
     */
    static Failure classify(Throwable failure, Duration timeout, String host) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(timeout, "timeout");
        List<Throwable> chain = causes(failure);
        Throwable unresolved = first(chain, t -> t instanceof UnresolvedAddressException || t instanceof UnknownHostException);
        if (unresolved != null) {
            return new Failure(NoAnswer.DNS, host != null ? host : hostOf(unresolved));
        }
        Throwable tls = first(chain, t -> t instanceof SSLException);
        if (tls != null) {
            return new Failure(NoAnswer.TLS, tlsCause(chain, tls));
        }
        if (first(chain, NetworkFailures::isTimeout) != null) {
            return new Failure(NoAnswer.TIMEOUT, afterTimeout(timeout));
        }
        if (first(chain, t -> t instanceof NoRouteToHostException) != null) {
            return new Failure(NoAnswer.UNREACHABLE, "");
        }
        if (first(chain, t -> messageContains(t, "reset") || messageContains(t, "broken pipe")) != null) {
            return new Failure(NoAnswer.RESET, "");
        }
        if (first(chain, t -> t instanceof ConnectException) != null) {
            // the JDK's HttpClient reports a refusal as a ConnectException caused by a
            // ClosedChannelException, so this comes before the other signs of a closed connection
            return new Failure(NoAnswer.REFUSED, "");
        }
        if (first(chain, NetworkFailures::isClosed) != null) {
            return new Failure(NoAnswer.RESET, "");
        }
        return new Failure(NoAnswer.OTHER, innermost(chain).getClass().getSimpleName());
    }

    /** {@code failure} and its causes, outermost first, without repeats. */
    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Throwable first(List<Throwable> chain, Predicate<Throwable> test) {
        return chain.stream().filter(test).findFirst().orElse(null);
    }

    private static Throwable innermost(List<Throwable> chain) {
        for (int i = chain.size() - 1; i > 0; i--) {
            Throwable t = chain.get(i);
            if (!(t instanceof CompletionException || t instanceof ExecutionException)) {
                return t;
            }
        }
        return chain.get(0);
    }

    private static boolean isTimeout(Throwable t) {
        return t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                || t instanceof InterruptedByTimeoutException || t instanceof TimeoutException
                || messageContains(t, "timed out");
    }

    /** The connection ended before the answer did; the JDK's HttpClient says "header parser received no bytes". */
    private static boolean isClosed(Throwable t) {
        return t instanceof EOFException || t instanceof ClosedChannelException
                || t instanceof AsynchronousCloseException
                || messageContains(t, "eof") || messageContains(t, "closed") || messageContains(t, "received no bytes");
    }

    private static boolean messageContains(Throwable t, String words) {
        String message = t.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(words);
    }

    /** The host name an {@link UnknownHostException} names ({@code "db.example: Name or service not known"}), or nothing. */
    private static String hostOf(Throwable unresolved) {
        String message = unresolved.getMessage();
        if (message == null) {
            return "";
        }
        int colon = message.indexOf(": ");
        return OneLine.of(colon < 0 ? message : message.substring(0, colon), MAX_DETAIL_LENGTH);
    }

    private static String tlsCause(List<Throwable> chain, Throwable tls) {
        if (first(chain, t -> t instanceof CertificateExpiredException) != null) {
            return "certificate expired";
        }
        if (first(chain, t -> t instanceof CertificateNotYetValidException) != null) {
            return "certificate not yet valid";
        }
        String message = tls.getMessage();
        if (message == null || message.isBlank()) {
            return tls.getClass().getSimpleName();
        }
        int colon = message.indexOf(": ");
        return OneLine.of(colon < 0 ? message : message.substring(0, colon), MAX_DETAIL_LENGTH);
    }

    /** Why there was no answer, and a few safe words. */
    record Failure(NoAnswer cause, String detail) {
    }
}
