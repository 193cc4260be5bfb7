package io.ringwatch.notifiers.alertmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Notifier;
import io.ringwatch.api.NotifierSettings;
import io.ringwatch.api.ServiceId;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alertmanager channel against the real Prometheus Alertmanager (the Debian package, 0.25 in
 * Debian 12), started by the test on 127.0.0.1. Each test is about a service of its own, so
 * their alerts do not meet. Fails, rather than skips, when Alertmanager is not installed.
 */
class RealAlertmanagerTest {
    private static final Duration SETTLE_LIMIT = Duration.ofSeconds(10);

    @TempDir
    static Path directory;
    private static RealAlertmanager alertmanager;

    private final List<Notifier> notifiers = new ArrayList<>();
    private TargetId target;
    private Instant since;

    @BeforeAll
    static void startAlertmanager() throws Exception {
        alertmanager = RealAlertmanager.start(directory);
    }

    @AfterAll
    static void stopAlertmanager() throws Exception {
        if (alertmanager != null) {
            alertmanager.close();
        }
    }

    @AfterEach
    void closeNotifiers() {
        notifiers.forEach(Notifier::close);
    }

    @BeforeEach
    void aServiceOfThisTest(TestInfo test) {
        String method = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT);
        target = TargetId.service(NodeId.of("n3"), ServiceId.of(method.substring(0, Math.min(40, method.length()))));
        since = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void anAlertIsActiveInAlertmanagerWithTheIncidentsLabelsAndTheTextAsAnnotations() throws Exception {
        Notification alert = alert();

        notifier().send(alert);

        JsonNode held = awaitOne(this::isActive);
        assertThat(labels(held)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alertname", "RingwatchTargetDown", "node", "n3", "service", target.service().orElseThrow().value(),
                "severity", "critical", "incident", alert.incidentKey()));
        assertThat(held.at("/annotations/summary").asText()).isEqualTo(alert.headline());
        assertThat(held.at("/annotations/description").asText()).isEqualTo(alert.text());
        assertThat(Instant.parse(held.get("startsAt").asText())).isEqualTo(since);
        assertThat(Instant.parse(held.get("endsAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(23)));
        assertThat(held.get("receivers").findValuesAsText("name")).containsExactly("nobody");
    }

    @Test
    void aReminderAndAnEscalationUpdateTheOneAlertOfTheIncident() throws Exception {
        Notifier notifier = notifier();
        Notification alert = alert();
        Notification escalation = alert.toBuilder().kind(NotificationKind.ESCALATION).previous(Status.DOWN)
                .at(Instant.now()).build();

        notifier.send(alert);
        notifier.send(alert.toBuilder().kind(NotificationKind.REMINDER).previous(Status.DOWN).at(Instant.now()).build());
        notifier.send(escalation);

        JsonNode held = awaitOne(candidate -> isActive(candidate)
                && candidate.at("/annotations/summary").asText().equals(escalation.headline()));
        assertThat(ofThisTest()).hasSize(1);
        assertThat(Instant.parse(held.get("startsAt").asText())).isEqualTo(since);
    }

    @Test
    void anAcknowledgementKeepsTheIncidentsOneAlertActiveAndShowsWhoAcknowledgedIt() throws Exception {
        Notifier notifier = notifier();
        Notification alert = alert();
        notifier.send(alert);
        JsonNode fired = awaitOne(this::isActive);
        Notification acknowledgement = alert.toBuilder().kind(NotificationKind.ACKNOWLEDGED).previous(Status.DOWN)
                .at(Instant.now()).reason("acknowledged by alice: Ok, I got this one").build();

        notifier.send(acknowledgement);

        JsonNode held = awaitOne(candidate -> isActive(candidate)
                && candidate.at("/annotations/acknowledged").asText().equals("acknowledged by alice: Ok, I got this one"));
        assertThat(labels(held)).isEqualTo(labels(fired));
        assertThat(held.at("/annotations/summary").asText()).isEqualTo(acknowledgement.headline());
        assertThat(Instant.parse(held.get("startsAt").asText())).isEqualTo(since);
        assertThat(Instant.parse(held.get("endsAt").asText())).isAfter(Instant.now().plus(Duration.ofHours(23)));
    }

    @Test
    void aRecoveryResolvesTheAlert() throws Exception {
        Notifier notifier = notifier();
        notifier.send(alert());
        awaitOne(this::isActive);

        Instant up = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        notifier.send(alert().toBuilder().kind(NotificationKind.RECOVERY).previous(Status.DOWN).current(Status.UP)
                .severity(null).since(up).at(Instant.now()).reason("HTTP 200 in 12 ms").build());

        // Alertmanager 0.25 leaves resolved alerts out of GET /api/v2/alerts (they stay in its
        // store until garbage-collected, and its receivers are told they are resolved).
        awaitNone();
    }

    @Test
    void aDegradedServiceIsAWarningThatItsRecoveryResolvesToo() throws Exception {
        Notifier notifier = notifier();
        notifier.send(alert().toBuilder().current(Status.DEGRADED).severity(null).reason("HTTP 503").build());
        JsonNode held = awaitOne(this::isActive);
        assertThat(labels(held)).containsEntry("alertname", "RingwatchTargetDegraded").containsEntry("severity", "warning");

        notifier.send(alert().toBuilder().kind(NotificationKind.RECOVERY).previous(Status.DEGRADED).current(Status.UP)
                .severity(null).since(Instant.now().minusSeconds(1)).at(Instant.now()).build());

        awaitNone();
    }

    @Test
    void aWrongPasswordIsAFailureThatShowsNoPassword() {
        Notifier wrong = notifier(Map.of("password", "not-" + RealAlertmanager.PASSWORD));

        assertThatThrownBy(() -> wrong.send(alert()))
                .isInstanceOf(IOException.class)
                .hasMessage("channel 'live-am': Alertmanager answered HTTP 401")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(RealAlertmanager.PASSWORD));
    }

    private Notification alert() {
        return Notification.builder().incidentKey(target + "@" + since).kind(NotificationKind.ALERT).target(target)
                .previous(Status.UP).current(Status.DOWN).observer(NodeId.of("n1")).since(since)
                .at(since.plusSeconds(21)).reason("connection refused").build();
    }

    private Notifier notifier() {
        return notifier(Map.of());
    }

    private Notifier notifier(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of("url", alertmanager.baseUrl(),
                "username", RealAlertmanager.USER, "password", RealAlertmanager.PASSWORD, "timeout", "5s"));
        settings.putAll(overrides);
        Notifier notifier = new AlertmanagerNotifierProvider().create(NotifierSettings.of("live-am", settings));
        notifiers.add(notifier);
        return notifier;
    }

    private boolean isActive(JsonNode alert) {
        return alert.at("/status/state").asText().equals("active");
    }

    /** Waits (bounded) until Alertmanager holds exactly one alert of this test's target, and it passes {@code check}. */
    private JsonNode awaitOne(Predicate<JsonNode> check) throws Exception {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        List<JsonNode> held;
        do {
            held = ofThisTest();
            if (held.size() == 1 && check.test(held.get(0))) {
                return held.get(0);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Alertmanager did not hold one matching alert within " + SETTLE_LIMIT + "; it holds " + held);
    }

    /** Waits (bounded) until Alertmanager holds no unresolved alert of this test's target. */
    private void awaitNone() throws Exception {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        List<JsonNode> held;
        do {
            held = ofThisTest();
            if (held.isEmpty()) {
                return;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Alertmanager still holds the alert after " + SETTLE_LIMIT + ": " + held);
    }

    private List<JsonNode> ofThisTest() throws Exception {
        List<JsonNode> mine = new ArrayList<>();
        String service = target.service().orElseThrow().value();
        alertmanager.alerts().forEach(alert -> {
            if (alert.at("/labels/service").asText().equals(service)) {
                mine.add(alert);
            }
        });
        return mine;
    }

    private static Map<String, String> labels(JsonNode alert) {
        Map<String, String> labels = new TreeMap<>();
        alert.get("labels").fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }
}
