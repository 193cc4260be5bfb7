package io.ringwatch.testkit.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.testkit.notify.elsewhere.KitInAnotherPackage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs the kit against notifiers that break its rules, to show that it catches them. The
 * kits below are static nested classes, so the build does not run them on their own.
 */
class NotifierCompatibilityKitTest {

    @AfterEach
    void forgetChannels() {
        RecordingNotifierProvider.reset();
    }

    @Test
    void catchesAProviderThatBreaksTheRules() {
        Events tests = run(LeakyKit.class);

        assertThat(names(tests.failed())).containsExactlyInAnyOrder(
                "hasAValidId",
                "isRegisteredForServiceLoader",
                "isFoundByTheEngineUnderItsId",
                "acceptsOrRejectsEmptySettingsClearly",
                "acceptsOrRejectsIncompleteSettingsClearly",
                "makesNotifiersWithAName",
                "theExceptionNamesNoSecret",
                "theNotifierNamesNoSecretAfterAFailure",
                "areNotInToString",
                "areNotEchoedWhenASettingIsMalformed");
        assertThat(messageOf(tests, "theExceptionNamesNoSecret"))
                .contains("shows the secret value of a setting: could not post with token <secret>")
                .doesNotContain(LeakyKit.TOKEN);
    }

    @Test
    void catchesAChannelThatHangsInsteadOfFailing() {
        Events tests = run(HangingKit.class);

        assertThat(names(tests.failed())).contains("sendThrowsWithinTheTimeout");
        assertThat(messageOf(tests, "sendThrowsWithinTheTimeout")).contains("a failing channel must not hang");
    }

    @Test
    void catchesAChannelThatPretendsToDeliverWhenItFails() {
        Events tests = run(SilentKit.class);

        assertThat(names(tests.failed())).containsExactlyInAnyOrder("sendThrowsWithinTheTimeout",
                "theExceptionNamesNoSecret", "theNotifierNamesNoSecretAfterAFailure", "theNotifierCanStillBeClosed");
        assertThat(messageOf(tests, "sendThrowsWithinTheTimeout")).contains("send returned normally");
    }

    @Test
    void catchesANotifierThatDoesNotDeliver() {
        Events tests = run(LostKit.class);

        assertThat(names(tests.failed())).contains("anAlertArrives", "aNoticeArrives", "sendWorksFromAnotherThread");
    }

    @Test
    void skipsTheFailureAndSecretTestsUntilTheirHooksAreImplemented() {
        Events tests = run(MinimalKit.class);

        assertThat(names(tests.failed())).isEmpty();
        assertThat(names(tests.aborted())).containsExactlyInAnyOrder(
                "sendThrowsWithinTheTimeout", "theExceptionNamesNoSecret", "theNotifierNamesNoSecretAfterAFailure",
                "theNotifierCanStillBeClosed",
                "areNotInToString", "areNotInTheName", "areNotInTheProvidersToString", "areNotEchoedWhenASettingIsMalformed",
                "aFixedChannelRefusesARecipient", "eachKindArrivesAtTheAddress", "awkwardTextArrivesAtTheAddress",
                "theAddressIsNotShown", "theSampleAddressHasNoProblem", "aFailedSendToAContactNamesNoAddress");
        assertThat(tests.succeeded().count()).isEqualTo(20);
    }

    @Test
    void closesTheNotifiersOfEachTestForSubclassesInOtherPackages() {
        Events tests = run(KitInAnotherPackage.class);

        assertThat(names(tests.failed())).isEmpty();
        assertThat(RecordingNotifierProvider.channel(KitInAnotherPackage.CHANNEL).isClosed()).isTrue();
    }

    private static Events run(Class<?> kit) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute().testEvents();
    }

    private static List<String> names(Events events) {
        return events.stream().map(NotifierCompatibilityKitTest::methodName).toList();
    }

    private static String methodName(Event event) {
        return event.getTestDescriptor().getSource()
                .filter(MethodSource.class::isInstance).map(source -> ((MethodSource) source).getMethodName())
                .orElse(event.getTestDescriptor().getDisplayName());
    }

    private static String messageOf(Events tests, String method) {
        return tests.failed().stream().filter(event -> methodName(event).equals(method)).findFirst()
                .flatMap(event -> event.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElseThrow();
    }

    /** Implements only the required hooks, on the well-behaved recording notifier. */
    static class MinimalKit extends NotifierCompatibilityKit {
        static final String CHANNEL = "kit-minimal";

        @Override
        protected NotifierProvider provider() {
            return new RecordingNotifierProvider();
        }

        @Override
        protected NotifierSettings workingSettings() {
            return NotifierSettings.empty(CHANNEL);
        }

        @Override
        protected void assertDelivered(Notification sent) {
            NotificationsAssert.assertThat(RecordingNotifierProvider.channel(CHANNEL)).contains(sent);
        }
    }

    /** A channel that hangs when it fails. */
    static class HangingKit extends MinimalKit {
        @Override
        protected void makeChannelFail() {
            RecordingNotifierProvider.channel(CHANNEL).blockUntil(new CountDownLatch(1));
        }

        @Override
        protected Duration sendTimeout() {
            return Duration.ofMillis(200);
        }
    }

    /** A channel that says nothing when it fails. */
    static class SilentKit extends MinimalKit {
        @Override
        protected void makeChannelFail() {
            // the channel "fails", but the notifier does not notice
        }
    }

    /** A notifier that accepts everything and delivers nothing. */
    static class LostKit extends MinimalKit {
        @Override
        protected NotifierProvider provider() {
            return new LeakyProvider(() -> false) {
                @Override
                public String id() {
                    return "recording";
                }
            };
        }

        @Override
        protected NotifierSettings workingSettings() {
            return NotifierSettings.of(CHANNEL, Map.of("token", "t"));
        }
    }

    /**
     * A provider that breaks every rule it can: an invalid id, no registration, a
     * NullPointerException for missing settings, the token in its toString and messages, and
     * an anonymous notifier class, whose default name is blank.
     */
    static class LeakyKit extends NotifierCompatibilityKit {
        static final String TOKEN = "leaky-s3cr3t";
        private boolean failing;

        @Override
        protected NotifierProvider provider() {
            return new LeakyProvider(() -> failing);
        }

        @Override
        protected NotifierSettings workingSettings() {
            return NotifierSettings.of("leaky", Map.of("token", TOKEN));
        }

        @Override
        protected void assertDelivered(Notification sent) {
        }

        @Override
        protected Set<String> secrets() {
            return Set.of(TOKEN);
        }

        @Override
        protected void makeChannelFail() {
            failing = true;
        }
    }

    public static class LeakyProvider implements NotifierProvider {
        private final BooleanSupplier failing;

        public LeakyProvider() {
            this(() -> false);
        }

        LeakyProvider(BooleanSupplier failing) {
            this.failing = failing;
        }

        @Override
        public String id() {
            return "Leaky_Id";
        }

        @Override
        public Notifier create(NotifierSettings settings) {
            String token = settings.get("token").orElseThrow(() -> new NullPointerException("token"));
            if (token.contains("malformed")) {
                throw new IllegalArgumentException("channel '" + settings.channel() + "': bad token " + token);
            }
            return new Notifier() {
                @Override
                public void send(Notification notification) throws IOException {
                    if (failing.getAsBoolean()) {
                        throw new IOException("could not post with token " + token);
                    }
                }

                @Override
                public String toString() {
                    return "LeakyNotifier[token=" + token + "]";
                }
            };
        }
    }
}
