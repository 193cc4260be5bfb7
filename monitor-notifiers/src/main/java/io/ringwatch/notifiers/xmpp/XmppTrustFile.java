package io.ringwatch.notifiers.xmpp;

import io.ringwatch.notifiers.channel.ChannelSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Reads the {@code trust} setting: the path of a file of CA certificates, PEM (one or more
 * {@code -----BEGIN CERTIFICATE-----} blocks) or DER. Errors name the channel and the setting,
 * never the path or the file's content. Stateless.
 */
final class XmppTrustFile {
    /** A file of certificates bigger than this is surely the wrong file. */
    private static final long MAX_BYTES = 4L * 1024 * 1024;

    private XmppTrustFile() {
    }

    /**
     * @throws IllegalArgumentException naming the channel and {@code key} if the file cannot be
     *         read or holds no certificate
     */
    static XmppTrust.PrivateCas read(ChannelSettings settings, String key, String pathText) {
        byte[] bytes = bytesOf(settings, key, pathText);
        List<Certificate> certificates = certificates(bytes);
        if (certificates.isEmpty()) {
            throw settings.invalid(key, "names a file that holds no certificate: give a PEM or DER file of CA "
                    + "certificates (from a Java truststore: keytool -exportcert -rfc)");
        }
        return new XmppTrust.PrivateCas(trustManagerOf(certificates), certificates.size());
    }

    private static byte[] bytesOf(ChannelSettings settings, String key, String pathText) {
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            throw settings.invalid(key, "is not a valid file path"); // the exception's message quotes it
        }
        try {
            if (!Files.isRegularFile(path)) {
                throw settings.invalid(key, "names no readable file");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw settings.invalid(key, "names a file bigger than 4 MiB; give a file of CA certificates");
            }
            return Files.readAllBytes(path);
        } catch (IOException | SecurityException e) {
            throw settings.invalid(key, "names a file that cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<Certificate> certificates(byte[] bytes) {
        try {
            return new ArrayList<>(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes)));
        } catch (CertificateException e) {
            return List.of();
        }
    }

    private static X509TrustManager trustManagerOf(List<Certificate> certificates) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    return x509;
                }
            }
            throw new IllegalStateException("the JDK offers no X509TrustManager");
        } catch (GeneralSecurityException | IOException e) {
            // An empty in-memory keystore of the default type always loads.
            throw new IllegalStateException("could not make a trust manager", e);
        }
    }
}
