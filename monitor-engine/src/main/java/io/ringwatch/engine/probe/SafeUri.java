package io.ringwatch.engine.probe;

import java.net.URI;

/** A URL as it may be shown: scheme, host, port and path, without user info, query or fragment. */
final class SafeUri {
    private SafeUri() {
    }

    static String of(URI url) {
        StringBuilder text = new StringBuilder();
        if (url.getScheme() != null) {
            text.append(url.getScheme()).append("://");
        }
        String host = url.getHost();
        text.append(host != null ? host : "?");
        if (url.getPort() >= 0) {
            text.append(':').append(url.getPort());
        }
        String path = url.getRawPath();
        if (path != null) {
            text.append(path);
        }
        return text.toString();
    }
}
