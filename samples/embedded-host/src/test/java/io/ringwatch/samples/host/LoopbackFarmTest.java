package io.ringwatch.samples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoopbackFarmTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final URI ORDERS_ON_N1 = URI.create("http://n1.demo.test:8080/actuator/health");
    private static final Member N1 = Member.of("n1", "http://n1.demo.test:7070", ServiceSpec.http("orders-api", ORDERS_ON_N1.toString()));
    private static final Member N2 = Member.of("n2", "http://n2.demo.test:7070");

    private final LoopbackFarm farm = new LoopbackFarm();
    private final Transport fromN2 = farm.transportFor(NodeId.of("n2"));
    private MonitorEngine engine;

    @AfterEach
    void closeTheFarm() {
        if (engine != null) {
            engine.close();
        }
        farm.close();
    }

    @Test
    void servesAHostedServiceAsHealthyUntilItsNodeCrashes() throws Exception {
        farm.host(N1);

        assertThat(answer(fromN2.fetch(ORDERS_ON_N1, TIMEOUT))).isEqualTo(ServiceResponse.Received.of(200, "{\"status\":\"UP\"}", Duration.ZERO));

        farm.crash(N1.id());

        assertThat(answer(fromN2.fetch(ORDERS_ON_N1, TIMEOUT)))
                .isEqualTo(new ServiceResponse.NotReceived(NoAnswer.REFUSED, "", Duration.ZERO));
    }

    @Test
    void aServiceCanBeToldToAnswerBadly() throws Exception {
        farm.host(N1);
        ServiceResponse unavailable = ServiceResponse.Received.of(503, "{\"status\":\"DOWN\"}", Duration.ofMillis(3));

        farm.serviceAnswers(ORDERS_ON_N1, () -> unavailable);

        assertThat(answer(fromN2.fetch(ORDERS_ON_N1, TIMEOUT))).isEqualTo(unavailable);
    }

    @Test
    void carriesAQuestionToTheAttachedEngineAndItsAnswerBack() throws Exception {
        farm.host(N1);
        farm.host(N2);
        engine = MonitorEngine.builder().self("n1").members(List.of(N1, N2)).transport(farm.transportFor(N1.id()))
                .eventLog(new InMemoryEventLog()).build();
        farm.attach(engine);
        engine.start();

        PeerAnswer answer = answer(fromN2.ask(N1, new PeerQuestion.Liveness(), TIMEOUT));

        assertThat(answer).isEqualTo(new PeerAnswer.Alive(Status.UP, ""));
    }

    @Test
    void refusesQuestionsToANodeWhoseEngineHasNotStartedOrThatCrashed() throws Exception {
        farm.host(N1);
        engine = MonitorEngine.builder().self("n1").members(List.of(N1, N2)).transport(farm.transportFor(N1.id()))
                .eventLog(new InMemoryEventLog()).build();
        farm.attach(engine);

        assertRefused(fromN2.ask(N1, new PeerQuestion.Liveness(), TIMEOUT));

        engine.start();
        farm.crash(N1.id());

        assertRefused(fromN2.ask(N1, new PeerQuestion.Liveness(), TIMEOUT));
    }

    @Test
    void aNodeNotOnTheFarmIsNotFound() {
        assertThatThrownBy(() -> answer(fromN2.ask(N1, new PeerQuestion.Liveness(), TIMEOUT)))
                .cause().isInstanceOfSatisfying(PeerUnreachableException.class,
                        unreachable -> assertThat(unreachable.noAnswer()).isEqualTo(NoAnswer.DNS));
    }

    private static void assertRefused(CompletionStage<PeerAnswer> answer) {
        assertThatThrownBy(() -> answer(answer)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(PeerUnreachableException.class, unreachable -> {
                    assertThat(unreachable.noAnswer()).isEqualTo(NoAnswer.REFUSED);
                    assertThat(unreachable).hasMessage("connection refused");
                });
    }

    /** Waits, bounded, for an answer that travels on the farm's threads. */
    private static <T> T answer(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
