package io.ringwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationTest {
    private final Notification down = Notification.builder()
            .incidentKey("n3/orders-api@2026-11-24T10:15:00Z")
            .kind(NotificationKind.ALERT)
            .target(TargetId.parse("n3/orders-api"))
            .previous(Status.UP)
            .current(Status.DOWN)
            .observer(NodeId.of("n1"))
            .since(Instant.parse("2026-11-24T10:15:00Z"))
            .at(Instant.parse("2026-11-24T10:16:20Z"))
            .reason("connection refused")
            .build();

    @Test
    void headlineReadsLikeTheSeedLog() {
        assertThat(down.headline()).isEqualTo("CRITICAL: orders-api DOWN on node n3");
        assertThat(down.toBuilder().kind(NotificationKind.RECOVERY).previous(Status.DOWN).current(Status.UP)
                .severity(Severity.INFORMATION).build().headline())
                .isEqualTo("INFORMATION: orders-api UP on node n3");
    }

    @Test
    void textSaysWhoSawItAndWhichIncidentItIs() {
        assertThat(down.text()).isEqualTo("""
                CRITICAL: orders-api DOWN on node n3
                seen by n1: connection refused
                incident n3/orders-api@2026-11-24T10:15:00Z""");
    }

    @Test
    void severityFollowsTheStatusUnlessSet() {
        assertThat(down.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(down.toBuilder().severity(null).current(Status.DEGRADED).build().severity()).isEqualTo(Severity.WARNING);
    }
}
