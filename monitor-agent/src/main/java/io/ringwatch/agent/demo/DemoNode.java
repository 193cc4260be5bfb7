package io.ringwatch.agent.demo;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.Expectation;
import io.ringwatch.engine.endpoint.EndpointHandler;
import io.ringwatch.engine.endpoint.StatusEndpoint;
import io.ringwatch.engine.eventlog.JsonLinesEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.HttpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * One machine of the demo farm: an engine, its status endpoint and its web service, all on
 * loopback. It can die (everything stops at once, as with {@code kill -9} or a power cut) and
 * come back on the same ports. Driven by one thread.
 */
final class DemoNode {
    private final NodeId id;
    private final int endpointPort;
    private final int webPort;
    private StatusEndpoint endpoint;
    private FakeWebService web;
    private MonitorEngine engine;

    private DemoNode(NodeId id, StatusEndpoint endpoint, FakeWebService web) {
        this.id = id;
        this.endpoint = endpoint;
        this.web = web;
        this.endpointPort = endpoint.address().getPort();
        this.webPort = web.port();
    }

    /** Takes two free loopback ports for the node: its endpoint and its web service. */
    static DemoNode reserve(String id) {
        StatusEndpoint endpoint = StatusEndpoint.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return new DemoNode(NodeId.of(id), endpoint, FakeWebService.start(0));
    }

    NodeId id() {
        return id;
    }

    /** The node as the farm knows it: its endpoint and its one web service. */
    Member member() {
        return Member.of(id.value(), "http://127.0.0.1:" + endpointPort,
                ServiceSpec.http("web", "http://127.0.0.1:" + webPort + FakeWebService.HEALTH_PATH,
                        Expectation.custom().healthStatusUp().build()));
    }

    /** Builds and starts the engine, and starts answering on the endpoint. */
    void boot(List<Member> members, MonitorConfig config, String secret, Path eventLog, DemoNotifier notifier)
            throws IOException {
        if (endpoint == null) {
            endpoint = StatusEndpoint.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpointPort));
            web = FakeWebService.start(webPort);
        }
        engine = MonitorEngine.builder()
                .self(id)
                .members(members)
                .config(config)
                .transport(HttpTransport.builder(id).secret(secret).build())
                .notifier(notifier)
                .eventLog(JsonLinesEventLog.open(eventLog))
                .build();
        engine.start();
        endpoint.serve(EndpointHandler.builder(engine).secret(secret).build());
    }

    /** Dies: the endpoint and the web service refuse connections at once, and the engine stops. */
    void die() {
        endpoint.close();
        web.close();
        endpoint = null;
        web = null;
        MonitorEngine dying = engine;
        engine = null;
        dying.close();
    }

    boolean isUp() {
        return engine != null;
    }

    /** The running engine, or null while the node is down. */
    MonitorEngine engine() {
        return engine;
    }

    /** Stops whatever runs. Idempotent. */
    void stop() {
        if (engine != null) {
            die();
        } else if (endpoint != null) {
            endpoint.close();
            web.close();
            endpoint = null;
            web = null;
        }
    }
}
