package io.ringwatch.samples.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ringwatch.api.Event;
import io.ringwatch.api.NodeId;
import io.ringwatch.api.NotificationKind;
import io.ringwatch.api.Status;
import io.ringwatch.api.TargetId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's farm in real time, over HTTP on 127.0.0.1: what the desk is told when a service
 * answers badly. Takes a few seconds; nothing sleeps: the engines' views are polled within a
 * bound, and deliveries are awaited as the event logs record them.
 */
@DisplayName("The demo farm")
class DemoFarmTest {
    private static final NodeId N3 = NodeId.of("n3");
    private static final TargetId ORDERS_ON_N3 = TargetId.parse("n3/orders-api");
    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    Path eventLogs;

    private final Deliveries desk = new Deliveries(OutageDemo.CHANNEL);
    private DemoFarm farm;

    @AfterEach
    void closeTheFarm() {
        if (farm != null) {
            farm.close();
        }
    }

    @Test
    @DisplayName("alerts the desk that n3's orders-api is DEGRADED when it answers 503, and does not alert n3 itself")
    void aServiceAnswering503IsAlertedAsDegradedAndItsNodeIsNot() throws Exception {
        farm = new DemoFarm(OutageDemo.nodes(), OutageDemo.config(), eventLogs, OutageDemo.CHANNEL, desk);
        farm.startAll();
        await("every node seeing its partners UP").atMost(BOUND).until(farm::everyNodeSeesItsPartnersUp);

        farm.ordersApi(N3).answer(new OrdersApi.Answer(503, "{\"status\":\"DOWN\"}"));

        Optional<Event> alert = desk.await(NotificationKind.ALERT, ORDERS_ON_N3, BOUND);
        assertThat(alert).as("the alert for n3/orders-api; the desk got %s", desk.all()).hasValueSatisfying(
                event -> assertThat(event.status()).isEqualTo(Status.DEGRADED));
        assertThat(desk.all()).noneMatch(event -> Deliveries.is(event, NotificationKind.ALERT, TargetId.node(N3)));
    }

    @Test
    @DisplayName("lists every node's endpoint and orders-api on 127.0.0.1")
    void listsEveryNodesAddressesOnLoopback() {
        farm = new DemoFarm(OutageDemo.nodes(), OutageDemo.config(), eventLogs, OutageDemo.CHANNEL, desk);

        assertThat(farm.addresses()).hasSize(5).allSatisfy(line -> assertThat(line)
                .matches("n\\d: endpoint http://127\\.0\\.0\\.1:\\d+, orders-api http://127\\.0\\.0\\.1:\\d+/actuator/health"));
    }
}
