package io.ringwatch.notifiers.xmpp;

import java.util.Objects;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.util.TLSUtils;

/**
 * Which certificates the channel accepts from its XMPP server when it starts TLS. Immutable and
 * thread-safe.
 */
sealed interface XmppTrust {

    /** Sets up the connection's TLS accordingly. */
    void applyTo(XMPPTCPConnectionConfiguration.Builder connection);

    /**
     * The JVM's trusted CAs ({@code cacerts}, or {@code -Djavax.net.ssl.trustStore}), and a
     * certificate that names the XMPP domain: the default.
     */
    record SystemCas() implements XmppTrust {
        @Override
        public void applyTo(XMPPTCPConnectionConfiguration.Builder connection) {
            // Smack's defaults: the JDK's trust managers and its XMPP host name check.
        }

        @Override
        public String toString() {
            return "system CAs";
        }
    }

    /**
     * Only the certificates of the {@code trust} file (a private CA, or the server's own
     * self-signed certificate), and a certificate that names the XMPP domain.
     *
     * @param manager trusts those certificates and no other
     * @param certificates how many the file holds
     */
    record PrivateCas(X509TrustManager manager, int certificates) implements XmppTrust {
        public PrivateCas {
            Objects.requireNonNull(manager, "manager");
        }

        @Override
        public void applyTo(XMPPTCPConnectionConfiguration.Builder connection) {
            connection.setCustomX509TrustManager(manager);
        }

        @Override
        public String toString() {
            return "private CAs (" + certificates + (certificates == 1 ? " certificate)" : " certificates)");
        }
    }

    /**
     * Any certificate for any name: {@code insecure-trust: true}. Anyone on the path can read the
     * password and the messages; for tests and labs only.
     */
    record Insecure() implements XmppTrust {
        @Override
        public void applyTo(XMPPTCPConnectionConfiguration.Builder connection) {
            TLSUtils.acceptAllCertificates(connection);
            TLSUtils.disableHostnameVerificationForTlsCertificates(connection);
        }

        @Override
        public String toString() {
            return "INSECURE (any certificate)";
        }
    }
}
