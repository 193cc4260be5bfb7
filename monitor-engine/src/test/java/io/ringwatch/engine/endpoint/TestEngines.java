package io.ringwatch.engine.endpoint;

import io.ringwatch.api.ProbeResult;
import io.ringwatch.engine.MonitorConfig;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.peer.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Engines for endpoint tests: started, with a probed service of their own, watching nobody reachable. */
final class TestEngines {
    static final String SECRET = "s3cret-shared-by-the-farm";

    private TestEngines() {
    }

    /** A farm of n1 and n2; n1 hosts "api", which answers UP. */
    static List<Member> members(String n1Endpoint, String n2Endpoint) {
        return List.of(
                Member.of("n1", n1Endpoint, ServiceSpec.probed("api",
                        timeout -> CompletableFuture.completedFuture(ProbeResult.up(Duration.ofMillis(3))))),
                Member.of("n2", n2Endpoint));
    }

    /** A started engine for {@code self} whose questions to others fail, unless given a transport. */
    static MonitorEngine started(String self, List<Member> members, Transport transport) {
        MonitorEngine engine = MonitorEngine.builder()
                .self(self)
                .members(members)
                .transport(transport != null ? transport : unreachable())
                .eventLog(new InMemoryEventLog())
                .build();
        engine.start();
        return engine;
    }

    /** A started engine that checks every 100 ms and whose control target always fails: it soon distrusts itself. */
    static MonitorEngine startedWithFailingControlTarget(String self, List<Member> members) {
        MonitorEngine engine = MonitorEngine.builder()
                .self(self)
                .members(members)
                .config(MonitorConfig.custom().interval(Duration.ofMillis(100)).timeout(Duration.ofMillis(50)).build())
                .controlTarget(timeout -> CompletableFuture.completedFuture(ProbeResult.down(Duration.ZERO, "gateway unreachable")))
                .transport(unreachable())
                .eventLog(new InMemoryEventLog())
                .build();
        engine.start();
        return engine;
    }

    static Transport unreachable() {
        return new Transport() {
            @Override
            public CompletableFuture<PeerAnswer> ask(Member peer,
                    PeerQuestion question, Duration timeout) {
                return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.REFUSED, ""));
            }

            @Override
            public CompletableFuture<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
                return CompletableFuture.completedFuture(
                        new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", Duration.ZERO));
            }
        };
    }
}
