package io.ringwatch.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.engine.check.ServiceResponse;
import io.ringwatch.engine.dispatch.NotifierProviders;
import io.ringwatch.engine.eventlog.InMemoryEventLog;
import io.ringwatch.engine.membership.Member;
import io.ringwatch.engine.membership.ServiceSpec;
import io.ringwatch.engine.peer.PeerAnswer;
import io.ringwatch.engine.peer.PeerQuestion;
import io.ringwatch.engine.peer.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class MonitorEngineBuilderTest {
    private static final Transport NOWHERE = new Transport() {
        @Override
        public CompletionStage<PeerAnswer> ask(Member peer, PeerQuestion question, Duration timeout) {
            return new CompletableFuture<>();
        }

        @Override
        public CompletionStage<ServiceResponse> fetch(URI statusUrl, Duration timeout) {
            return new CompletableFuture<>();
        }
    };

    private static MonitorEngine.Builder farmOfTwo() {
        return MonitorEngine.builder().self("n1")
                .member(Member.of("n1", "http://10.0.0.1:7070", ServiceSpec.http("orders-api", "http://10.0.0.1:8080/health")))
                .member(Member.of("n2", "http://10.0.0.2:7070"))
                .transport(NOWHERE).eventLog(new InMemoryEventLog());
    }

    @Test
    void saysWhatIsMissingAndHowToGiveIt() {
        assertThatThrownBy(() -> MonitorEngine.builder().build()).hasMessage("self is not set: call self(\"<node id>\")");
        assertThatThrownBy(() -> farmOfTwo().self("n9").build())
                .hasMessage("self n9 is not among the members [n1, n2]: add it with member(...)");
        assertThatThrownBy(() -> MonitorEngine.builder().self("n1").member(Member.of("n1", "http://a:1")).build())
                .hasMessageStartingWith("no transport: call transport(...)");
        assertThatThrownBy(() -> farmOfTwo().member(Member.of("n2", "http://b:1")))
                .hasMessage("member n2 is listed twice");
    }

    @Test
    void aChannelNamesItsProviderAndAnUnknownOneIsAClearError() {
        NotifierProvider desk = new NotifierProvider() {
            @Override
            public String id() {
                return "desk";
            }

            @Override
            public Notifier create(NotifierSettings settings) {
                return new Notifier() {
                    @Override
                    public String name() {
                        return settings.channel();
                    }

                    @Override
                    public void send(Notification notification) {
                    }
                };
            }
        };
        MonitorEngine engine = farmOfTwo().providers(NotifierProviders.of(desk)).channel("desk", "ops-desk", Map.of()).build();
        engine.close();

        assertThatThrownBy(() -> farmOfTwo().providers(NotifierProviders.of(desk)).channel("slack").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'slack'").hasMessageContaining("desk");
        assertThatThrownBy(() -> farmOfTwo().providers(NotifierProviders.of(desk))
                .channel("desk", "ops", Map.of()).channel("desk", "ops", Map.of()).build())
                .hasMessage("channel 'ops' is configured twice");
    }

    @Test
    void startsOnceAndClosesIdempotently() {
        MonitorEngine engine = farmOfTwo().build();
        engine.start();
        assertThatThrownBy(engine::start).hasMessage("engine n1 is already started");
        assertThat(engine.view().watching()).extracting(Object::toString).containsExactly("n2");
        assertThat(engine.acknowledge(io.ringwatch.api.TargetId.parse("n9"), "tim", "")).as("not in the farm").isFalse();
        engine.close();
        engine.close();
        assertThat(engine.answer(io.ringwatch.api.NodeId.of("n2"), new PeerQuestion.Liveness()).toCompletableFuture())
                .isCompletedExceptionally();
    }

    @Test
    void configRejectsNonsenseWithTheSettingsName() {
        assertThatThrownBy(() -> MonitorConfig.custom().interval(Duration.ZERO)).hasMessage("interval must be positive, was PT0S");
        assertThatThrownBy(() -> MonitorConfig.custom().confirmations(0)).hasMessage("confirmations must be at least 1, was 0");
        assertThatThrownBy(() -> MonitorConfig.custom().jitter(0.9)).hasMessageContaining("jitter must be within 0 to 0.5");
        assertThatThrownBy(() -> MonitorConfig.custom().flapThresholds(0.2, 0.3)).hasMessageContaining("low <= high");
    }

    @Test
    void configStartsFromDefaultsOrFromABase() {
        MonitorConfig fast = MonitorConfig.custom().interval(Duration.ofSeconds(5)).build();
        assertThat(fast.lateCycleThreshold()).isEqualTo(Duration.ofMillis(2500));
        assertThat(MonitorConfig.from(fast).partners(3).build().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(MonitorConfig.from(MonitorConfig.ofDefaults()).interval(Duration.ofSeconds(10)).build()
                .lateCycleThreshold()).as("follows the interval").isEqualTo(Duration.ofSeconds(5));
        assertThat(MonitorConfig.from(MonitorConfig.custom().lateCycleThreshold(Duration.ofSeconds(7)).build())
                .interval(Duration.ofSeconds(10)).build().lateCycleThreshold()).as("kept as set").isEqualTo(Duration.ofSeconds(7));
        assertThat(MonitorConfig.ofDefaults().interval()).isEqualTo(MonitorConfig.DEFAULT_INTERVAL);
    }
}
