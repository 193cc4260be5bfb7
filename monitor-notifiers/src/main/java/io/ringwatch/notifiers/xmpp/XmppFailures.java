package io.ringwatch.notifiers.xmpp;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Collection;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.sasl.SASLErrorException;

/**
 * Turns what Smack throws into the {@link IOException}s the channel throws: one line that names
 * the channel and what failed, with the password cut out of anything quoted. Smack's exception
 * is not attached as the cause, so that nothing it holds can show the password. Immutable.
 */
final class XmppFailures {
    private final XmppSettings settings;

    XmppFailures(XmppSettings settings) {
        this.settings = settings;
    }

    /** {@code channel 'ops-xmpp': <what>}. */
    IOException failure(String what) {
        return new IOException(prefix() + redact(what));
    }

    /** A failure to connect or log in. */
    IOException connecting(Exception e) {
        if (e instanceof SASLErrorException refused) {
            return failure("the XMPP server refused the login of " + settings.account() + ": "
                    + refused.getSASLFailure().getSASLErrorString() + " (" + refused.getMechanism() + ")");
        }
        if (e instanceof SmackException.SecurityRequiredByClientException) {
            return failure("the XMPP server at " + settings.server() + " does not offer STARTTLS, and setting "
                    + "'security' is 'required'");
        }
        if (e instanceof SmackException.NoResponseException) {
            return new SocketTimeoutException(prefix() + "the XMPP server at " + settings.server()
                    + " did not answer while logging in, within " + settings.timeout().toMillis() + " ms");
        }
        if (causeOfType(e, CertPathBuilderException.class, CertPathValidatorException.class) != null) {
            return failure("TLS with the XMPP server at " + settings.server() + " failed: its certificate is not "
                    + "signed by a CA this channel trusts (" + settings.trust() + "); for a private CA, set 'trust' "
                    + "to the CA's certificate");
        }
        Throwable tls = causeOfType(e, SSLException.class, GeneralSecurityException.class);
        if (tls != null) {
            return failure("TLS with the XMPP server at " + settings.server() + " failed: " + describe(rootOf(tls)));
        }
        if (e instanceof XMPPException.StreamErrorException streamError) {
            return failure("the XMPP server at " + settings.server() + " closed the stream: "
                    + streamError.getStreamError().getCondition());
        }
        return failure("could not connect to the XMPP server at " + settings.server() + ": " + describe(e)
                + (rootOf(e) == e ? "" : " (" + describe(rootOf(e)) + ")"));
    }

    /** A failure while sending on an established connection. */
    IOException sending(Exception e) {
        if (e instanceof SmackException.NotConnectedException) {
            return failure("the connection to the XMPP server at " + settings.server() + " was lost while sending");
        }
        return failure("sending to the XMPP server at " + settings.server() + " failed: " + describe(e));
    }

    /**
     * The server bounced the message to {@code whom} ({@code alice@example.org}, or
     * {@code contact alice}) with {@code error}; the {@code hidden} addresses, in any case, are
     * cut out of the server's text.
     */
    IOException refused(String whom, StanzaError error, Collection<String> hidden) {
        String condition = error == null ? "an error" : error.getCondition().toString();
        String said = error == null || error.getDescriptiveText() == null ? null : error.getDescriptiveText();
        for (String address : hidden) {
            if (said != null && !address.isEmpty()) {
                said = Pattern.compile(Pattern.quote(address), Pattern.CASE_INSENSITIVE).matcher(said).replaceAll("…");
            }
        }
        return failure("the XMPP server refused the message to " + whom + ": " + condition
                + (said == null ? "" : " (" + said + ")"));
    }

    /** The server did not confirm the messages in time. */
    IOException unconfirmed() {
        return new SocketTimeoutException(prefix() + "the XMPP server at " + settings.server()
                + " did not confirm the message within " + settings.timeout().toMillis() + " ms");
    }

    /** The whole delivery took longer than the channel's timeout. */
    IOException timedOut() {
        return new SocketTimeoutException(prefix() + "the XMPP server at " + settings.server()
                + " did not take the message within " + settings.timeout().toMillis() + " ms");
    }

    /** {@code text} with the password cut out, should anything ever quote it. */
    String redact(String text) {
        return text == null ? "" : text.replace(settings.password(), "…");
    }

    private String prefix() {
        return "channel '" + settings.channel() + "': ";
    }

    private String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s+", " ");
        return e.getClass().getSimpleName() + redact(message);
    }

    private static Throwable rootOf(Throwable e) {
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root;
    }

    @SafeVarargs
    private static Throwable causeOfType(Throwable e, Class<? extends Throwable>... types) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 20; depth++, cause = cause.getCause()) {
            for (Class<? extends Throwable> type : types) {
                if (type.isInstance(cause)) {
                    return cause;
                }
            }
        }
        return null;
    }
}
