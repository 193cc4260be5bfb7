package io.ringwatch.samples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.HttpTransport;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One node of the demo farm, reached over real HTTP on 127.0.0.1 as its partners reach it. */
@DisplayName("A farm node")
class FarmNodeTest {
    private static final String SECRET = "a-secret-the-two-nodes-share";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final FarmNode n1 = FarmNode.open(NodeId.of("n1"));
    private final FarmNode n2 = FarmNode.open(NodeId.of("n2"));
    private final List<Member> members = List.of(n1.member(), n2.member());
    private final Transport fromN2 = HttpTransport.builder(NodeId.of("n2")).secret(SECRET).build();

    @AfterEach
    void stopTheNodes() {
        n1.close();
        n2.close();
    }

    @Test
    @DisplayName("lists its endpoint and its orders-api on 127.0.0.1")
    void listsItsAddressesOnLoopback() {
        Member member = n1.member();

        assertThat(member.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(member.services()).singleElement().satisfies(service -> {
            assertThat(service.id().value()).isEqualTo("orders-api");
            assertThat(service.statusUrl()).contains(n1.ordersApi().healthUrl());
        });
    }

    @Test
    @DisplayName("serves its orders-api's health as UP until it crashes, then refuses the connection")
    void servesItsHealthUntilItCrashes() throws Exception {
        URI health = n1.ordersApi().healthUrl();

        assertThat(answer(fromN2.fetch(health, TIMEOUT))).isInstanceOfSatisfying(ServiceResponse.Received.class, received -> {
            assertThat(received.statusCode()).isEqualTo(200);
            assertThat(received.body()).isEqualTo("{\"status\":\"UP\"}");
        });

        n1.crash();

        assertThat(answer(fromN2.fetch(health, TIMEOUT))).isInstanceOfSatisfying(ServiceResponse.NotReceived.class,
                notReceived -> assertThat(notReceived.cause()).isEqualTo(NoAnswer.REFUSED));
    }

    @Test
    @DisplayName("answers its health with whatever its orders-api is told to, such as a 503")
    void answersA503WhenToldTo() throws Exception {
        n1.ordersApi().answer(new OrdersApi.Answer(503, "{\"status\":\"DOWN\"}"));

        assertThat(answer(fromN2.fetch(n1.ordersApi().healthUrl(), TIMEOUT)))
                .isInstanceOfSatisfying(ServiceResponse.Received.class, received -> {
                    assertThat(received.statusCode()).isEqualTo(503);
                    assertThat(received.body()).isEqualTo("{\"status\":\"DOWN\"}");
                });
    }

    @Test
    @DisplayName("answers a partner's check once its engine runs, refuses it after a crash, and answers again on the same port after a restart")
    void answersPartnersUntilItCrashesAndAgainAfterARestart() throws Exception {
        n1.run(newEngine(n1), SECRET);

        assertThat(answer(fromN2.ask(n1.member(), new PeerQuestion.Liveness(), TIMEOUT))).isInstanceOf(PeerAnswer.Alive.class);

        n1.crash();

        assertThatThrownBy(() -> answer(fromN2.ask(n1.member(), new PeerQuestion.Liveness(), TIMEOUT)))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(PeerUnreachableException.class,
                        unreachable -> assertThat(unreachable.noAnswer()).isEqualTo(NoAnswer.REFUSED));

        n1.powerOn();
        n1.run(newEngine(n1), SECRET);

        assertThat(answer(fromN2.ask(n1.member(), new PeerQuestion.Liveness(), TIMEOUT))).isInstanceOf(PeerAnswer.Alive.class);
        assertThat(n1.member().services().get(0).statusUrl()).as("the orders-api is back on its port").contains(n1.ordersApi().healthUrl());
    }

    @Test
    @DisplayName("refuses to run another node's engine, or an engine while crashed")
    void refusesAnEngineItCannotRun() {
        try (MonitorEngine ofN2 = newEngine(n2); MonitorEngine ofN1 = newEngine(n1)) {
            assertThatThrownBy(() -> n1.run(ofN2, SECRET)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the engine of n2 cannot run on n1");

            n1.crash();

            assertThatThrownBy(() -> n1.run(ofN1, SECRET)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("n1 is crashed: power it on first");
            assertThatThrownBy(n1::ordersApi).isInstanceOf(IllegalStateException.class);
        }
    }

    private MonitorEngine newEngine(FarmNode node) {
        return MonitorEngine.builder().self(node.id()).members(members)
                .transport(HttpTransport.builder(node.id()).secret(SECRET).build())
                .eventLog(new InMemoryEventLog()).build();
    }

    /** Waits, bounded, for an answer that travels over loopback. */
    private static <T> T answer(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}
