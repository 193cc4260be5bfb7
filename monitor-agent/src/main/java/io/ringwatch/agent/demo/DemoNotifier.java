package io.ringwatch.agent.demo;

import io.ringwatch.api.Notification;
import io.ringwatch.api.Notifier;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's channel: prints each notification as it goes out, and keeps them so the demo
 * knows when the alert and the recovery arrived. Thread-safe.
 */
final class DemoNotifier implements Notifier {
    /** One notification and when it arrived. */
    record Received(Notification notification, Instant at) {
    }

    private final String name;
    private final PrintStream out;
    private final DemoClock clock;
    private final List<Received> received;

    DemoNotifier(String name, PrintStream out, DemoClock clock, List<Received> received) {
        this.name = name;
        this.out = out;
        this.clock = clock;
        this.received = received;
    }

    /** A shared list to give every node's notifier. */
    static List<Received> inbox() {
        return new CopyOnWriteArrayList<>();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(Notification notification) {
        received.add(new Received(notification, Instant.now()));
        out.println(clock.stamp() + "  >> " + notification.kind() + " from " + notification.observer() + ": "
                + notification.headline());
    }
}
