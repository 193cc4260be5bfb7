package io.ringwatch.engine.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringwatch.api.NodeId;
import io.ringwatch.api.Notification;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Severity;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterTest {
    /** A Monday. */
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final List<Router.Channel> CHANNELS = List.of(
            new Router.Channel("chat", true, false),
            new Router.Channel("phone", true, false),
            new Router.Channel("sms", true, true),
            new Router.Channel("pagerduty", false, false));

    private static Routing.Builder team() {
        return Routing.builder()
                .contact(Contact.of("alice", "chat", "@alice", "phone", "+1555001", "sms", "+1555001"))
                .contact(Contact.of("bob", "chat", "@bob", "phone", "+1555002"))
                .subscribe(Subscription.of("alice", "*", Severity.WARNING).via("chat"))
                .subscribe(Subscription.of("bob", "n3", Severity.CRITICAL))
                .onCall(OnCallSchedule.in(ZoneOffset.UTC).shift(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, "bob")
                        .shift(DayOfWeek.FRIDAY, LocalTime.MIDNIGHT, "alice").build());
    }

    private static Notification of(NotificationKind kind, String target, Status previous, Status current) {
        return Notification.builder().incidentKey(target + "@x").kind(kind).target(TargetId.parse(target))
                .previous(previous).current(current).observer(NodeId.of("n1")).since(NOW).at(NOW).reason("r").build();
    }

    private static List<String> where(List<Router.Route> routes) {
        return routes.stream().map(route -> route.channel() + route.recipient().map(r -> ":" + r.contact()).orElse(""))
                .toList();
    }

    @Test
    void withoutContactsEveryChannelButTheStandbysGetsEverything() {
        Router router = new Router(Routing.none(), CHANNELS);

        assertThat(where(router.routes(of(NotificationKind.ALERT, "n3", Status.UP, Status.DOWN), 0, NOW)))
                .containsExactly("chat", "phone", "pagerduty");
    }

    @Test
    void subscribersGetWhatTheirPatternAndSeverityCoverAndBroadcastChannelsGetEverything() {
        Router router = new Router(team().build(), CHANNELS);

        assertThat(where(router.routes(of(NotificationKind.ALERT, "n3/api", Status.UP, Status.DOWN), 0, NOW)))
                .containsExactly("pagerduty", "chat:alice", "chat:bob", "phone:bob");
        assertThat(where(router.routes(of(NotificationKind.ALERT, "n3/api", Status.UP, Status.DEGRADED), 0, NOW)))
                .containsExactly("pagerduty", "chat:alice");
        assertThat(where(router.routes(of(NotificationKind.ALERT, "n4", Status.UP, Status.DOWN), 0, NOW)))
                .containsExactly("pagerduty", "chat:alice");
    }

    @Test
    void aRecoveryCountsWithTheSeverityOfTheTroubleItEnds() {
        Router router = new Router(team().build(), CHANNELS);

        assertThat(where(router.routes(of(NotificationKind.RECOVERY, "n3", Status.DOWN, Status.UP), 0, NOW)))
                .containsExactly("pagerduty", "chat:alice", "chat:bob", "phone:bob");
        assertThat(where(router.routes(of(NotificationKind.RECOVERY, "n3", Status.DEGRADED, Status.UP), 0, NOW)))
                .containsExactly("pagerduty", "chat:alice");
    }

    @Test
    void aMuteSilencesTheContactsSubscriptionsUntilItEnds() {
        Routing routing = team().build();
        Router router = new Router(routing, CHANNELS);
        routing.mute(new Mute("alice", TargetPattern.of("n3/*"), NOW.plusSeconds(60), "deploying"));

        Notification alert = of(NotificationKind.ALERT, "n3/api", Status.UP, Status.DOWN);
        assertThat(where(router.routes(alert, 0, NOW))).doesNotContain("chat:alice");
        assertThat(where(router.routes(alert, 0, NOW.plusSeconds(60)))).contains("chat:alice");
        assertThat(routing.mutes(NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void escalationStepsReachTheOnCallPersonThenTheNextOnTheirChannels() {
        Router router = new Router(team().escalate(EscalationStep.onCall(Duration.ofMinutes(10), "phone"))
                .escalate(EscalationStep.nextOnCall(Duration.ofMinutes(20), "phone"))
                .escalate(EscalationStep.contact(Duration.ofMinutes(30), "alice")).build(), CHANNELS);
        Notification escalation = of(NotificationKind.ESCALATION, "n4", Status.DOWN, Status.DOWN);

        assertThat(where(router.routes(escalation, 1, NOW))).containsExactly("pagerduty", "phone:bob");
        assertThat(where(router.routes(escalation, 2, NOW))).containsExactly("pagerduty", "phone:alice");
        assertThat(where(router.routes(escalation, 3, NOW))).as("every channel of alice that is not a standby")
                .containsExactly("pagerduty", "chat:alice", "phone:alice");
        assertThat(where(router.routes(of(NotificationKind.ACKNOWLEDGED, "n4", Status.DOWN, Status.DOWN), 2, NOW)))
                .as("an acknowledgement reaches the subscribers and whoever the steps reached")
                .containsExactly("pagerduty", "chat:alice", "phone:bob", "phone:alice");
    }

    @Test
    void withoutAPolicyTheEscalationGoesToWhoeverIsOnCallOnAllTheirChannels() {
        Router router = new Router(team().build(), CHANNELS);

        assertThat(where(router.routes(of(NotificationKind.ESCALATION, "n4", Status.DOWN, Status.DOWN), 1, NOW)))
                .containsExactly("pagerduty", "chat:bob", "phone:bob");
    }

    @Test
    void aDownAlertThatWouldReachNobodyGoesToWhoeverIsOnCall() {
        List<Router.Channel> personal = List.of(new Router.Channel("chat", true, false));
        Routing routing = Routing.builder().contact(Contact.of("alice", "chat", "@alice"))
                .onCall(OnCallSchedule.in(ZoneOffset.UTC).shift(DayOfWeek.MONDAY, LocalTime.MIDNIGHT, "alice").build())
                .build();
        Router router = new Router(routing, personal);

        assertThat(where(router.routes(of(NotificationKind.ALERT, "n4", Status.UP, Status.DOWN), 0, NOW)))
                .containsExactly("chat:alice");
        assertThat(router.routes(of(NotificationKind.ALERT, "n4", Status.UP, Status.DEGRADED), 0, NOW)).isEmpty();
    }

    @Test
    void theAddressOnAStandbyIsFoundForAFailover() {
        Router router = new Router(team().build(), CHANNELS);

        assertThat(router.recipientOn("sms", "alice")).hasValueSatisfying(r -> assertThat(r.address()).isEqualTo("+1555001"));
        assertThat(router.recipientOn("sms", "bob")).isEmpty();
    }

    @Test
    void refusesAddressesAndChannelsThatCannotWork() {
        assertThatThrownBy(() -> new Router(Routing.builder().contact(Contact.of("alice", "pagerduty", "x")).build(), CHANNELS))
                .hasMessageContaining("contact alice has an address on channel 'pagerduty', which sends to one fixed destination");
        assertThatThrownBy(() -> new Router(Routing.builder().contact(Contact.of("alice", "chta", "x")).build(), CHANNELS))
                .hasMessage("contact alice has an address on channel 'chta', which does not exist (channels: chat, phone,"
                        + " sms, pagerduty)");
        assertThatThrownBy(() -> new Router(team().subscribe(Subscription.of("bob", "*", Severity.CRITICAL).via("sms"))
                .build(), CHANNELS)).hasMessageContaining("uses channel 'sms', which only stands in for another channel");
        assertThatThrownBy(() -> new Router(team().escalate(EscalationStep.contact(Duration.ofMinutes(5), "bob", "sms"))
                .build(), CHANNELS)).hasMessageContaining("uses channel 'sms', which only stands in");
        assertThatThrownBy(() -> new Router(Routing.builder().contact(Contact.of("bob", "chat", "@bob"))
                .subscribe(Subscription.of("bob", "*", Severity.CRITICAL).via("phone")).build(), CHANNELS))
                .hasMessageContaining("uses channel 'phone', on which bob has no address");
    }

    @Test
    void refusesAnAddressTheChannelFindsWrongWithoutQuotingIt() {
        List<Router.Channel> phone = List.of(new Router.Channel("phone", true, false,
                address -> address.startsWith("+") ? java.util.Optional.empty()
                        : java.util.Optional.of("must be one phone number, E.164 (+15558675310)")));

        assertThatThrownBy(() -> new Router(Routing.builder().contact(Contact.of("alice", "phone", "0171 555")).build(), phone))
                .hasMessage("the address of contact alice on channel 'phone' must be one phone number, E.164 (+15558675310)");
    }

    @Test
    void refusesRoutingThatNamesUnknownContactsOrCallsAnOnCallThatDoesNotExist() {
        assertThatThrownBy(() -> Routing.builder().contact(Contact.of("alice"))
                .subscribe(Subscription.of("alcie", "*", Severity.WARNING)).build())
                .hasMessage("no contact 'alcie' (contacts: alice)");
        assertThatThrownBy(() -> Routing.builder().contact(Contact.of("alice"))
                .escalate(EscalationStep.onCall(Duration.ofMinutes(5))).build())
                .hasMessageContaining("there is no on-call schedule");
        assertThatThrownBy(() -> team().contact(Contact.of("alice"))).hasMessage("contact 'alice' is given twice");
        assertThatThrownBy(() -> team().build().mute(new Mute("zed", TargetPattern.EVERYTHING, NOW, "")))
                .hasMessageStartingWith("no contact 'zed'");
    }

    @Test
    void aContactShowsNoAddressInItsText() {
        assertThat(Contact.of("alice", "phone", "+1555001")).hasToString("Contact[alice on phone]");
        assertThat(new io.ringwatch.api.Recipient("alice", "+1555001")).hasToString("Recipient[alice]");
    }
}
