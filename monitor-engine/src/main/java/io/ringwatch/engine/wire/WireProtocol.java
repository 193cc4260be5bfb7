package io.ringwatch.engine.wire;

import java.net.URI;

/** The paths and headers of the node's status endpoint, version 1. */
public final class WireProtocol {
    /** Liveness for partners: open to anyone, tells only whether the node trusts itself. */
    public static final String LIVE = "/ringwatch/v1/live";
    /** The node's view of its partners and the health of its own services: needs the secret. */
    public static final String STATUS = "/ringwatch/v1/status";
    /** Questions from peers, as a POST of one question: needs the secret. */
    public static final String ASK = "/ringwatch/v1/ask";
    /** Prometheus metrics in the text format. */
    public static final String METRICS = "/metrics";
    /** Where providers call back, followed by the channel's name: {@code /ringwatch/v1/callback/on-call-phone}. */
    public static final String CALLBACK = "/ringwatch/v1/callback/";
    /** The status page for people: open to anyone, read-only, when the node serves one. */
    public static final String PAGE = "/";
    /** What a node knows for the status page, asked by the node that renders it: needs the secret. */
    public static final String SUMMARY = "/ringwatch/v1/summary";
    /** Which node asks. */
    public static final String ASKER_HEADER = "X-Ringwatch-Node";
    /** The largest question body read. */
    public static final int MAX_QUESTION_BYTES = 64 * 1024;
    /** The largest answer body read. */
    public static final int MAX_ANSWER_BYTES = 256 * 1024;

    private WireProtocol() {
    }

    /**
     * The address of {@code path} on a node whose endpoint is {@code endpoint}: a base path in the
     * endpoint is kept, so that a host app may serve the endpoint under its own prefix.
     */
    public static URI resolve(URI endpoint, String path) {
        String base = endpoint.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }
}
