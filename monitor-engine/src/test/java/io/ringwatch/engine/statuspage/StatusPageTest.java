package io.ringwatch.engine.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.peer.Transport;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page as one node serves it: how often it asks the others, and what it does when they do not answer. */
class StatusPageTest {
    private final MonitorEngine engine = MonitorEngine.builder()
            .self("n1")
            .members(List.of(Member.of("n1", "http://127.0.0.1:7071"), Member.of("n2", "http://127.0.0.1:7072"),
                    Member.of("n3", "http://127.0.0.1:7073")))
            .transport(unreachable())
            .eventLog(new InMemoryEventLog())
            .build();
    private final MovableClock clock = new MovableClock(Timeline.NOW);
    private final Map<NodeId, AtomicInteger> asked = new ConcurrentHashMap<>();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void asksEachPeerOnceForAllRequestsWithinTheCacheThenAgain() throws Exception {
        StatusPage page = page((peer, timeout) -> CompletableFuture.completedFuture(summaryOf(peer.id())));

        for (int request = 0; request < 5; request++) {
            page.farmStatus().get(5, TimeUnit.SECONDS);
        }
        assertThat(asked).containsOnlyKeys(NodeId.of("n2"), NodeId.of("n3"));
        assertThat(asked.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));

        clock.advance(StatusPage.DEFAULT_CACHE.plusMillis(1));
        FarmStatus again = page.farmStatus().get(5, TimeUnit.SECONDS);

        assertThat(asked.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(2));
        assertThat(again.ring()).extracting(FarmStatus.RingNode::answered).containsExactly(true, true, true);
    }

    @Test
    void requestsThatComeDuringAGatheringWaitForIt() throws Exception {
        CompletableFuture<NodeSummary> slow = new CompletableFuture<>();
        StatusPage page = page((peer, timeout) -> peer.id().value().equals("n2") ? slow
                : CompletableFuture.completedFuture(summaryOf(peer.id())));

        CompletableFuture<FarmStatus> first = page.farmStatus();
        clock.advance(StatusPage.DEFAULT_CACHE.multipliedBy(3)); // long after the cache, but still gathering
        CompletableFuture<FarmStatus> second = page.farmStatus();

        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        slow.complete(summaryOf(NodeId.of("n2")));
        assertThat(first.get(5, TimeUnit.SECONDS).ring()).allMatch(FarmStatus.RingNode::answered);
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(first.get());
        assertThat(asked.get(NodeId.of("n2")).get()).as("one gathering for both").isEqualTo(1);
    }

    @Test
    void aPeerThatFailsNeverAnswersOrAnswersForAnotherNodeIsLeftOut() throws Exception {
        StatusPage page = page((peer, timeout) -> {
            switch (peer.id().value()) {
                case "n2":
                    return new CompletableFuture<>(); // never answers
                default:
                    return CompletableFuture.completedFuture(summaryOf(NodeId.of("n2"))); // n3 answers as n2
            }
        });

        long started = System.nanoTime();
        FarmStatus farm = page.farmStatus().get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the peer timeout")
                .isLessThan(StatusPage.PEER_TIMEOUT.plusSeconds(3));
        assertThat(farm.ring()).extracting(node -> node.node().value(), FarmStatus.RingNode::answered)
                .containsExactly(tuple("n1", true), tuple("n2", false),
                        tuple("n3", false));
        assertThat(farm.edges()).filteredOn(edge -> !edge.watcher().value().equals("n1"))
                .allMatch(edge -> !edge.current());
    }

    @Test
    void aSourceThatThrowsLeavesThePeerOutAndThePageStillRenders() throws Exception {
        StatusPage page = page((peer, timeout) -> {
            throw new IllegalStateException("no way to reach " + peer.id());
        });

        String html = new String(page.html().get(5, TimeUnit.SECONDS), StandardCharsets.UTF_8);

        assertThat(html).contains("<title>Status</title>", "data-node=\"n2\"", "data-node=\"n3\"");
        assertThat(html).doesNotContain("no way to reach");
    }

    @Test
    void withoutACacheEachRequestWaitsForItsOwnGathering() throws Exception {
        List<NodeId> watching = new CopyOnWriteArrayList<>();
        StatusPage page = StatusPage.builder(engine, UptimeHistory.create()).clock(clock).cacheFor(Duration.ZERO)
                .peers((peer, timeout) -> CompletableFuture.completedFuture(new NodeSummary(peer.id(),
                        Timeline.NOW.minus(Duration.ofDays(90)), Timeline.NOW, List.copyOf(watching), List.of())))
                .build();

        page.farmStatus().get(5, TimeUnit.SECONDS);
        watching.add(NodeId.of("n1"));
        FarmStatus second = page.farmStatus().get(5, TimeUnit.SECONDS);

        assertThat(second.edges()).filteredOn(FarmStatus.RingEdge::current).isNotEmpty();
    }

    @Test
    void aPageLongOutOfDateIsNotServedWhileANewOneIsGathered() throws Exception {
        CompletableFuture<NodeSummary> later = new CompletableFuture<>();
        AtomicInteger round = new AtomicInteger();
        StatusPage page = page((peer, timeout) -> round.get() == 0 || !peer.id().value().equals("n2")
                ? CompletableFuture.completedFuture(summaryOf(peer.id())) : later);
        page.farmStatus().get(5, TimeUnit.SECONDS);
        round.set(1);

        clock.advance(StatusPage.DEFAULT_CACHE.plusSeconds(1));
        assertThat(page.farmStatus()).as("just out of date: the last page at once").isDone();
        later.complete(summaryOf(NodeId.of("n2")));
        Instant secondGathering = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> secondGathering.equals(page.farmStatus().get().at()));
        clock.advance(StatusPage.DEFAULT_CACHE.plus(StatusPage.DEFAULT_REFRESH).plusSeconds(1));
        CompletableFuture<FarmStatus> wayLater = page.farmStatus();

        assertThat(wayLater.get(5, TimeUnit.SECONDS).at()).as("long out of date: a new one")
                .isEqualTo(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private StatusPage page(SummarySource source) {
        return StatusPage.builder(engine, UptimeHistory.create()).clock(clock).peers((peer, timeout) -> {
            asked.computeIfAbsent(peer.id(), id -> new AtomicInteger()).incrementAndGet();
            return source.summaryOf(peer, timeout);
        }).build();
    }

    private static NodeSummary summaryOf(NodeId node) {
        return new NodeSummary(node, Timeline.NOW.minus(Duration.ofDays(90)), Timeline.NOW, List.of(), List.of());
    }

    private static Transport unreachable() {
        return new Transport() {
            @Override
            public CompletableFuture<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout) {
                return CompletableFuture.failedFuture(new PeerUnreachableException(NoAnswer.REFUSED, ""));
            }

            @Override
            public CompletableFuture<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
                return CompletableFuture.completedFuture(new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", Duration.ZERO));
            }
        };
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
