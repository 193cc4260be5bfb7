package io.ringwatch.engine.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MonitorEngine;
import io.ringwatch.engine.check.NoAnswer;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.peer.HttpTransport;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.PeerUnreachableException;
import io.ringwatch.engine.wire.WireProtocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes on loopback: each engine behind a real status endpoint, asking the other over real HTTP. */
class HttpRoundTripTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private StatusEndpoint endpoint1;
    private StatusEndpoint endpoint2;
    private MonitorEngine n1;
    private MonitorEngine n2;
    private List<Member> members;

    @BeforeEach
    void startTwoNodes() {
        endpoint1 = StatusEndpoint.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        endpoint2 = StatusEndpoint.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        members = TestEngines.members(endpoint1.uri().toString(), endpoint2.uri().toString());
        n1 = TestEngines.started("n1", members, transport("n1", TestEngines.SECRET));
        n2 = TestEngines.started("n2", members, transport("n2", TestEngines.SECRET));
        endpoint1.serve(EndpointHandler.builder(n1).secret(TestEngines.SECRET).build());
        endpoint2.serve(EndpointHandler.builder(n2).secret(TestEngines.SECRET).build());
    }

    @AfterEach
    void stop() {
        n1.close();
        n2.close();
        endpoint1.close();
        endpoint2.close();
    }

    @Test
    void aNodeCheckReachesThePeersEngine() throws Exception {
        PeerAnswer answer = ask(transport("n1", TestEngines.SECRET), "n2", new PeerQuestion.Liveness());

        assertThat(answer).isEqualTo(new PeerAnswer.Alive(Status.UP, ""));
    }

    @Test
    void anEndpointWhereAnotherNodeAnswersDoesNotPassForThePeer() {
        Member misconfigured = Member.of("n2", endpoint1.uri().toString());

        assertThat(transport("n1", TestEngines.SECRET).ask(misconfigured, new PeerQuestion.Liveness(), TIMEOUT).toCompletableFuture())
                .failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(PeerUnreachableException.class).withMessageContaining("another node answers there: n1");
    }

    @Test
    void aPeerChecksATargetWhenAsked() throws Exception {
        PeerAnswer answer = ask(transport("n2", TestEngines.SECRET), "n1",
                new PeerQuestion.CheckTarget(TargetId.parse("n1/api")));

        assertThat(answer).isInstanceOfSatisfying(PeerAnswer.Checked.class,
                checked -> assertThat(checked.result().status()).isEqualTo(Status.UP));
    }

    @Test
    void aMessageAboutATargetIsWrittenByTheNodeThatWatchesItOnly() throws Exception {
        PeerQuestion message = new PeerQuestion.RecordMessage(TargetId.parse("n1/api"), "n1/api@2026-12-06T22:00:00Z",
                "alice", "chat", "Ok, I got this one");

        assertThat(ask(transport("n1", TestEngines.SECRET), "n2", message)).as("n2 watches n1")
                .isEqualTo(new PeerAnswer.Noted(true));
        assertThat(ask(transport("n2", TestEngines.SECRET), "n1", message)).as("n1 does not watch itself")
                .isEqualTo(new PeerAnswer.Noted(false));
    }

    @Test
    void aPeerWithAnotherSecretCountsAsNotAnswering() {
        HttpTransport wrong = transport("n1", "another-secret-entirely");

        assertThat(wrong.ask(member("n2"), new PeerQuestion.ReportOn(TargetId.parse("n1")), TIMEOUT).toCompletableFuture())
                .failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(PeerUnreachableException.class)
                .withMessageContaining("refused the shared secret (HTTP 401)");
    }

    @Test
    void theEndpointRefusesPeerQuestionsWithoutTheSecret() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest question = HttpRequest.newBuilder(WireProtocol.resolve(endpoint1.uri(), WireProtocol.ASK))
                .header(WireProtocol.ASKER_HEADER, "n2")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"report\",\"target\":\"n2\"}"))
                .build();

        HttpResponse<String> response = client.send(question, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized\"}");
        HttpResponse<String> status = client.send(HttpRequest.newBuilder(WireProtocol.resolve(endpoint1.uri(), WireProtocol.STATUS))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(status.statusCode()).isEqualTo(401);
        assertThat(status.body()).doesNotContain("n2", "api");
    }

    @Test
    void aStoppedEndpointIsRefused() {
        endpoint2.close();

        assertThat(transport("n1", TestEngines.SECRET).ask(member("n2"), new PeerQuestion.Liveness(), TIMEOUT)
                .toCompletableFuture())
                .failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(PeerUnreachableException.class,
                        unreachable -> assertThat(unreachable.noAnswer()).isEqualTo(NoAnswer.REFUSED));
    }

    @Test
    void aMachineThatRunsNoEngineIsCheckedByATcpConnectAndAskedNothing() {
        Member machine = Member.watchedOnly("n2", "tcp://127.0.0.1:" + endpoint2.address().getPort());
        HttpTransport transport = transport("n1", TestEngines.SECRET);

        assertThat(transport.ask(machine, new PeerQuestion.Liveness(), TIMEOUT).toCompletableFuture())
                .succeedsWithin(TIMEOUT).isEqualTo(new PeerAnswer.Alive(Status.UP, ""));
        assertThat(transport.ask(machine, new PeerQuestion.ReportOn(TargetId.parse("n1")), TIMEOUT).toCompletableFuture())
                .failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(PeerUnreachableException.class).withMessageContaining("runs no engine");
    }

    @Test
    void aTcpNodeCheckOfAStoppedMachineSaysConnectionRefused() {
        Member machine = Member.watchedOnly("n2", "tcp://127.0.0.1:" + endpoint2.address().getPort());
        endpoint2.close();

        assertThat(transport("n1", TestEngines.SECRET).ask(machine, new PeerQuestion.Liveness(), TIMEOUT).toCompletableFuture())
                .failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(PeerUnreachableException.class, unreachable -> {
                    assertThat(unreachable.noAnswer()).isEqualTo(NoAnswer.REFUSED);
                    assertThat(unreachable).hasMessage("connection refused");
                });
    }

    private static HttpTransport transport(String self, String secret) {
        return HttpTransport.builder(NodeId.of(self)).secret(secret).build();
    }

    private Member member(String id) {
        return members.stream().filter(member -> member.id().value().equals(id)).findFirst().orElseThrow();
    }

    private PeerAnswer ask(HttpTransport transport, String peer, PeerQuestion question) throws Exception {
        return transport.ask(member(peer), question, TIMEOUT).toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
