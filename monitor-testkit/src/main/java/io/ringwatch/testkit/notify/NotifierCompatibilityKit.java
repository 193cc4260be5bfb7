package io.ringwatch.testkit.notify;

import static io.ringwatch.testkit.notify.SampleNotifications.sampleAcknowledgement;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleAlert;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleEscalation;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleFlapping;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleNotice;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleRecovery;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleReminder;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithAwkwardText;
import static io.ringwatch.testkit.notify.SampleNotifications.sampleWithLongestValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierProvider;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.Recipient;
import io.ringwatch.engine.dispatch.NotifierProviders;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The tests every {@link NotifierProvider} and its {@link io.ringwatch.api.Notifier} must
 * pass, for the channels in {@code monitor-notifiers} and for yours. Extend it, say how to
 * make a working channel and how to see that something arrived, and the kit checks the rest:
 * that the provider is found by {@link ServiceLoader} and the engine, that each kind of
 * notification arrives (with awkward text and the longest values too), that a failing channel
 * throws instead of hanging, that no secret leaks, and that closing is safe.
 *
 * <pre>{@code
 * @DisplayName("The webhook notifier")
 * class WebhookNotifierTest extends NotifierCompatibilityKit {
 *     @RegisterExtension
 *     static WireMockExtension server = WireMockExtension.newInstance().build();
 *
 *     protected NotifierProvider provider() {
 *         return new WebhookNotifierProvider();
 *     }
 *
 *     protected NotifierSettings workingSettings() {
 *         return NotifierSettings.of("ops-hook", Map.of(
 *                 "url", server.baseUrl() + "/hooks/T000/s3cr3t",
 *                 "secret", "whsec-123"));
 *     }
 *
 *     protected void assertDelivered(Notification sent) {
 *         server.verify(postRequestedFor(urlEqualTo("/hooks/T000/s3cr3t"))
 *                 .withHeader("X-Ringwatch-Signature", matching("sha256=[0-9a-f]{64}"))
 *                 .withRequestBody(matchingJsonPath("$.incidentKey", equalTo(sent.incidentKey()))));
 *     }
 *
 *     protected Set<String> secrets() {
 *         return Set.of("s3cr3t", "whsec-123");
 *     }
 *
 *     protected void makeChannelFail() {
 *         server.stubFor(post(anyUrl()).willReturn(serverError()));
 *     }
 * }
 * }</pre>
 *
 * <h2>Hooks</h2>
 * <ul>
 *   <li>{@link #provider()}, {@link #workingSettings()} and {@link #assertDelivered} are required.</li>
 *   <li>{@link #makeChannelFail()} is optional: until it is implemented, the tests of
 *       "When the channel fails" are skipped (aborted), not passed.</li>
 *   <li>{@link #secrets()} is optional: until it names the sensitive values of the working
 *       settings, the tests of "Secrets" are skipped.</li>
 *   <li>{@link #sampleAddress()} and {@link #assertDeliveredTo} are for notifiers that
 *       {@linkplain Notifier#sendsToAddresses() send to a contact's address}: until they are
 *       implemented, the tests of "Addressed to a contact" are skipped. For a notifier with one
 *       fixed destination, the kit checks that it refuses a recipient.</li>
 *   <li>{@link #sendTimeout()} bounds every send the kit makes.</li>
 * </ul>
 *
 * <p>Each test makes its own notifiers with {@link #newNotifier()} and the kit closes them
 * after the test. JUnit makes a new instance of the subclass for every test, so fields of the
 * subclass (a captured stream, a flag set by {@code makeChannelFail}) start afresh each time.
 * Not thread-safe; it is a test class.
 */
public abstract class NotifierCompatibilityKit {
    private final List<Notifier> opened = new ArrayList<>();

    /** The provider under test; may be a new instance on every call. */
    protected abstract NotifierProvider provider();

    /**
     * Settings with which the provider's notifier can deliver: pointing at a WireMock server,
     * a captured stream, a local test double of the service.
     */
    protected abstract NotifierSettings workingSettings();

    /**
     * Checks that the receiving side got {@code sent}, as far as the channel carries it: the
     * request's method, path, headers and body, or the text written. Called after
     * {@code send} returned; if the channel delivers asynchronously, wait here (bounded).
     *
     * @throws AssertionError (or any exception) if it did not arrive intact
     */
    protected abstract void assertDelivered(Notification sent) throws Exception;

    /**
     * Values from {@link #workingSettings()} that must never show in a name, a
     * {@code toString()} or an exception message: tokens, passwords, webhook URLs, and the
     * secret parts of composite values (the token inside a URL). Empty by default, which
     * skips the tests of "Secrets".
     */
    protected Set<String> secrets() {
        return Set.of();
    }

    /**
     * Makes the channel fail from now on: the server answers 500, the stream is broken. Called
     * before the test's notifier is made with {@link #workingSettings()}. By default it aborts
     * the test, so the tests of "When the channel fails" are skipped until you implement it.
     */
    protected void makeChannelFail() throws Exception {
        Assumptions.abort("makeChannelFail() is not implemented, so the failure tests are skipped");
    }

    /**
     * An address on this channel, in its own form, to which the working settings can deliver: a
     * chat id, a phone number, an e-mail address. Needed only if the notifier
     * {@linkplain Notifier#sendsToAddresses() sends to addresses}; until it is given (with
     * {@link #assertDeliveredTo}), the tests of "Addressed to a contact" are skipped.
     */
    protected String sampleAddress() {
        return null;
    }

    /**
     * Checks that {@code sent} arrived at {@code address} (and not at the channel's own
     * destination), as {@link #assertDelivered} does for the channel's destination. Needed only if
     * the notifier sends to addresses.
     */
    protected void assertDeliveredTo(Notification sent, String address) throws Exception {
        fail("the notifier sends to addresses: override assertDeliveredTo(Notification, String) to check that a "
                + "notification arrived at a contact's address");
    }

    /** How long a send may take, delivering or failing. 10 seconds by default. */
    protected Duration sendTimeout() {
        return Duration.ofSeconds(10);
    }

    /**
     * Makes a notifier from {@link #provider()} with {@link #workingSettings()}; the kit closes
     * it after the test.
     */
    protected final Notifier newNotifier() {
        return opened(provider().create(workingSettings()));
    }

    @AfterEach
    void closeNotifiersOfTheTest() {
        AssertionError failure = null;
        for (Notifier notifier : opened) {
            try {
                notifier.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = new AssertionError("close() of a notifier threw");
                }
                failure.addSuppressed(e);
            }
        }
        opened.clear();
        if (failure != null) {
            throw failure;
        }
    }

    @Nested
    @DisplayName("The provider")
    class TheProvider {

        @Test
        @DisplayName("has a valid id: lower-case letters, digits and dashes")
        void hasAValidId() {
            assertThat(NotifierProviders.isValidId(provider().id()))
                    .as("id '%s' of %s", provider().id(), provider().getClass().getName())
                    .isTrue();
        }

        @Test
        @DisplayName("is registered for ServiceLoader")
        void isRegisteredForServiceLoader() {
            List<Class<?>> found = new ArrayList<>();
            ServiceLoader.load(NotifierProvider.class).stream().forEach(provider -> found.add(provider.type()));

            assertThat(found)
                    .as("providers found by ServiceLoader; declare %s in META-INF/services/%s and with "
                            + "'provides %s with' in module-info.java",
                            provider().getClass().getName(), NotifierProvider.class.getName(), NotifierProvider.class.getName())
                    .contains(provider().getClass());
        }

        @Test
        @DisplayName("is found by the engine under its id")
        void isFoundByTheEngineUnderItsId() {
            NotifierProviders discovered = NotifierProviders.discover(Thread.currentThread().getContextClassLoader());

            assertThat(discovered.find(provider().id()))
                    .as("the provider with id '%s' among %s", provider().id(), discovered)
                    .get().isInstanceOf(provider().getClass());
        }

        @Test
        @DisplayName("has a public no-argument constructor")
        void hasAPublicNoArgumentConstructor() throws Exception {
            Class<? extends NotifierProvider> type = provider().getClass();
            assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getName()).isTrue();
            Constructor<? extends NotifierProvider> constructor = type.getConstructor();

            assertThat(constructor.newInstance().id()).isEqualTo(provider().id());
        }

        @Test
        @DisplayName("accepts empty settings, or rejects them naming the channel and no secret")
        void acceptsOrRejectsEmptySettingsClearly() {
            String channel = "kit-" + provider().id() + "-empty";

            createsOrRejectsClearly(NotifierSettings.empty(channel));
        }

        @Test
        @DisplayName("accepts settings with one missing, or rejects them naming the channel and no secret")
        void acceptsOrRejectsIncompleteSettingsClearly() {
            NotifierSettings working = workingSettings();
            for (String key : working.keys()) {
                Map<String, String> values = values(working);
                values.remove(key);

                createsOrRejectsClearly(NotifierSettings.of(working.channel(), values));
            }
        }

        @Test
        @DisplayName("makes notifiers whose name is not blank")
        void makesNotifiersWithAName() {
            assertThat(newNotifier().name()).isNotBlank();
        }
    }

    @Nested
    @DisplayName("Delivering")
    class Delivering {

        @Test
        @DisplayName("an alert arrives")
        void anAlertArrives() throws Exception {
            sendsAndArrives(sampleAlert());
        }

        @Test
        @DisplayName("a recovery arrives")
        void aRecoveryArrives() throws Exception {
            sendsAndArrives(sampleRecovery());
        }

        @Test
        @DisplayName("a reminder arrives")
        void aReminderArrives() throws Exception {
            sendsAndArrives(sampleReminder());
        }

        @Test
        @DisplayName("an escalation arrives")
        void anEscalationArrives() throws Exception {
            sendsAndArrives(sampleEscalation());
        }

        @Test
        @DisplayName("an acknowledgement arrives")
        void anAcknowledgementArrives() throws Exception {
            sendsAndArrives(sampleAcknowledgement());
        }

        @Test
        @DisplayName("a flapping notice arrives")
        void aFlappingNoticeArrives() throws Exception {
            sendsAndArrives(sampleFlapping());
        }

        @Test
        @DisplayName("a notice arrives")
        void aNoticeArrives() throws Exception {
            sendsAndArrives(sampleNotice());
        }

        @Test
        @DisplayName("quotes, backslashes, markup, other scripts and emoji arrive intact")
        void awkwardTextArrivesIntact() throws Exception {
            sendsAndArrives(sampleWithAwkwardText());
        }

        @Test
        @DisplayName("the longest ids and reason arrive")
        void theLongestValuesArrive() throws Exception {
            sendsAndArrives(sampleWithLongestValues());
        }

        @Test
        @DisplayName("one notifier delivers one notification after another")
        void oneNotifierDeliversOneAfterAnother() throws Exception {
            Notifier notifier = newNotifier();
            for (Notification sent : List.of(sampleAlert(), sampleReminder(), sampleRecovery())) {
                send(notifier, sent);
                assertDelivered(sent);
            }
        }

        private void sendsAndArrives(Notification sent) throws Exception {
            send(newNotifier(), sent);
            assertDelivered(sent);
        }
    }

    @Nested
    @DisplayName("Addressed to a contact")
    class AddressedToAContact {

        @Test
        @DisplayName("a channel with one fixed destination refuses a recipient, naming the channel")
        void aFixedChannelRefusesARecipient() {
            Notifier notifier = newNotifier();
            Assumptions.assumeFalse(notifier.sendsToAddresses(), "the notifier sends to addresses");

            Recipient alice = new Recipient("alice", "somewhere");
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> notifier.send(sampleAlert(), alice));
            assertThat(refused).as("what send(notification, recipient) threw").isInstanceOf(UnsupportedOperationException.class);
            assertThat(refused.getMessage()).contains(notifier.name());
        }

        @Test
        @DisplayName("each kind arrives at the contact's address")
        void eachKindArrivesAtTheAddress() throws Exception {
            Notifier notifier = addressable();
            for (Notification sent : SampleNotifications.sampleOfEachKind()) {
                sendTo(notifier, sent, new Recipient("alice", sampleAddress()));
                assertDeliveredTo(sent, sampleAddress());
            }
        }

        @Test
        @DisplayName("the sample address is in the channel's form")
        void theSampleAddressHasNoProblem() {
            Notifier notifier = addressable();

            assertThat(notifier.addressProblem(sampleAddress())).as("addressProblem(sampleAddress())").isEmpty();
        }

        @Test
        @DisplayName("awkward text arrives intact at the contact's address")
        void awkwardTextArrivesAtTheAddress() throws Exception {
            Notification sent = sampleWithAwkwardText();
            sendTo(addressable(), sent, new Recipient("alice", sampleAddress()));
            assertDeliveredTo(sent, sampleAddress());
        }

        @Test
        @DisplayName("the address is not in the notifier's name or toString after sending")
        void theAddressIsNotShown() throws Exception {
            Notifier notifier = addressable();
            sendTo(notifier, sampleAlert(), new Recipient("alice", sampleAddress()));

            assertThat(notifier.name()).doesNotContain(sampleAddress());
            assertThat(notifier.toString()).doesNotContain(sampleAddress());
        }

        @Test
        @DisplayName("a failed send to a contact shows the address in no exception")
        void aFailedSendToAContactNamesNoAddress() throws Exception {
            makeChannelFail();
            Notifier notifier = addressable();
            Recipient alice = new Recipient("alice", sampleAddress());

            Throwable failure = assertTimeoutPreemptively(sendTimeout(), () -> org.assertj.core.api.Assertions.catchThrowable(
                    () -> notifier.send(sampleAlert(), alice)), () -> "a failing send to a recipient did not return in time");
            assertThat(failure).as("what send(notification, recipient) threw when the channel failed").isNotNull();
            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as("the message of %s", t.getClass().getName())
                        .doesNotContain(sampleAddress());
            }
        }

        private Notifier addressable() {
            Notifier notifier = newNotifier();
            Assumptions.assumeTrue(notifier.sendsToAddresses(), "the notifier has one fixed destination");
            Assumptions.assumeTrue(sampleAddress() != null,
                    "sampleAddress() is not implemented, so the tests of delivering to a contact's address are skipped");
            assertThat(sampleAddress()).as("sampleAddress()").isNotBlank();
            return notifier;
        }

        private void sendTo(Notifier notifier, Notification notification, Recipient recipient) {
            assertTimeoutPreemptively(sendTimeout(), () -> notifier.send(notification, recipient),
                    () -> "send to a recipient did not return within " + sendTimeout());
        }
    }

    @Nested
    @DisplayName("When the channel fails")
    class WhenTheChannelFails {

        @BeforeEach
        void breakTheChannel() throws Exception {
            makeChannelFail();
        }

        @Test
        @DisplayName("send throws an exception within the send timeout")
        void sendThrowsWithinTheTimeout() {
            assertThat(failedSend(newNotifier())).as("what send threw when the channel failed").isNotNull();
        }

        @Test
        @DisplayName("the exception names no secret")
        void theExceptionNamesNoSecret() {
            Exception failure = failedSend(newNotifier());

            for (Throwable t = failure; t != null; t = t.getCause()) {
                assertNoSecretIn(String.valueOf(t.getMessage()), "the message of " + t.getClass().getName());
                assertNoSecretIn(t.toString(), "toString() of " + t.getClass().getName());
            }
        }

        @Test
        @DisplayName("the notifier's name and toString name no secret after a failure")
        void theNotifierNamesNoSecretAfterAFailure() {
            Notifier notifier = newNotifier();
            failedSend(notifier);

            assertNoSecretIn(notifier.name(), "name()");
            assertNoSecretIn(notifier.toString(), "toString()");
        }

        @Test
        @DisplayName("the notifier can still be closed")
        void theNotifierCanStillBeClosed() {
            Notifier notifier = newNotifier();
            failedSend(notifier);

            assertThatCode(notifier::close).doesNotThrowAnyException();
        }

        private Exception failedSend(Notifier notifier) {
            Exception failure = assertTimeoutPreemptively(sendTimeout(), () -> {
                try {
                    notifier.send(sampleAlert());
                    return null;
                } catch (Exception e) {
                    return e;
                }
            }, () -> "send did not return within " + sendTimeout() + ": a failing channel must not hang");
            if (failure == null) {
                fail("send returned normally although the channel failed: it must throw so the engine can "
                        + "record the failure and tell the other channels' users what happened");
            }
            return failure;
        }
    }

    @Nested
    @DisplayName("Secrets")
    class Secrets {

        @BeforeEach
        void needSecrets() {
            Assumptions.assumeFalse(secrets().isEmpty(), "secrets() names no secret, so there is nothing to leak");
            assertThat(secrets()).as("secrets()").allSatisfy(secret -> assertThat(secret).isNotBlank());
        }

        @Test
        @DisplayName("are not in the notifier's toString")
        void areNotInToString() {
            assertNoSecretIn(newNotifier().toString(), "toString()");
        }

        @Test
        @DisplayName("are not in the notifier's name")
        void areNotInTheName() {
            assertNoSecretIn(newNotifier().name(), "name()");
        }

        @Test
        @DisplayName("are not in the provider's toString")
        void areNotInTheProvidersToString() {
            assertNoSecretIn(provider().toString(), "the provider's toString()");
        }

        @Test
        @DisplayName("are not echoed when a setting is malformed")
        void areNotEchoedWhenASettingIsMalformed() {
            NotifierSettings working = workingSettings();
            for (String key : working.keys()) {
                Map<String, String> values = values(working);
                values.put(key, "%%" + values.get(key) + " \u0000<malformed>");

                createsOrRejectsClearly(NotifierSettings.of(working.channel(), values));
            }
        }
    }

    @Nested
    @DisplayName("Lifecycle")
    class Lifecycle {

        @Test
        @DisplayName("close can be called twice")
        void closeIsIdempotent() {
            Notifier notifier = newNotifier();

            assertThatCode(() -> {
                notifier.close();
                notifier.close();
            }).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("close works after sending")
        void closeWorksAfterSending() throws Exception {
            Notifier notifier = newNotifier();
            send(notifier, sampleAlert());

            assertThatCode(notifier::close).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("send works from another thread than the one that made the notifier")
        void sendWorksFromAnotherThread() throws Exception {
            Notifier notifier = newNotifier();
            Notification sent = sampleAlert();
            CompletableFuture<Void> done = new CompletableFuture<>();
            Thread sender = new Thread(() -> {
                try {
                    notifier.send(sent);
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e);
                }
            }, "kit-sender");
            sender.setDaemon(true);
            sender.start();
            try {
                done.get(sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                sender.interrupt();
                fail("send from another thread did not return within " + sendTimeout());
            }

            assertDelivered(sent);
        }
    }

    private Notifier opened(Notifier notifier) {
        assertThat(notifier).as("the notifier %s created", provider().getClass().getName()).isNotNull();
        opened.add(notifier);
        return notifier;
    }

    private void send(Notifier notifier, Notification notification) {
        assertTimeoutPreemptively(sendTimeout(), () -> notifier.send(notification),
                () -> "send did not return within " + sendTimeout());
    }

    private void createsOrRejectsClearly(NotifierSettings settings) {
        Notifier notifier;
        try {
            notifier = provider().create(settings);
        } catch (IllegalArgumentException rejected) {
            assertNoSecretIn(rejected.getMessage(), "the message rejecting " + settings);
            assertThat(rejected.getMessage()).as("the message rejecting %s", settings).contains(settings.channel());
            return;
        } catch (RuntimeException other) {
            throw new AssertionError("create(" + settings + ") must accept the settings or throw "
                    + "IllegalArgumentException, but threw " + other.getClass().getName(), other);
        }
        opened(notifier);
    }

    private void assertNoSecretIn(String text, String where) {
        for (String secret : secrets()) {
            if (!secret.isBlank() && text != null && text.contains(secret)) {
                fail(where + " shows the secret value of a setting: " + mask(text, secret));
            }
        }
    }

    /** Shows where the secret is without printing it in the test report. */
    private static String mask(String text, String secret) {
        return text.replace(secret, "<secret>");
    }

    private static Map<String, String> values(NotifierSettings settings) {
        Map<String, String> values = new HashMap<>();
        settings.keys().forEach(key -> values.put(key, settings.get(key).orElseThrow()));
        return values;
    }
}
