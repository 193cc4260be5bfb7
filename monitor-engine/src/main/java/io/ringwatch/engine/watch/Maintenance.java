package io.ringwatch.engine.watch;

import io.ringwatch.api.EventKind;
import io.ringwatch.api.TargetId;
import io.ringwatch.engine.MaintenanceWindow;
import io.ringwatch.engine.audit.EventRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The maintenance windows this observer knows, and their opening and closing. Guarded by the
 * watcher's lock.
 */
final class Maintenance {
    private final List<MaintenanceWindow> windows = new ArrayList<>();
    private final Timer timer;
    private final EventRecorder events;
    private final Consumer<MaintenanceWindow> onEnd;

    Maintenance(Timer timer, EventRecorder events, Consumer<MaintenanceWindow> onEnd) {
        this.timer = timer;
        this.events = events;
        this.onEnd = onEnd;
    }

    /** Adds a window and schedules its opening and closing events. A window already over is ignored. */
    void add(MaintenanceWindow window) {
        if (!window.end().isAfter(timer.now())) {
            return;
        }
        windows.add(window);
        timer.at(window.start(), () -> events.record(events.event(EventKind.MAINTENANCE_STARTED).target(window.target())
                .message("Maintenance of " + window.target().describe() + " until " + window.end() + ": " + window.reason())
                .attribute("until", window.end()).attribute("reason", window.reason())));
        timer.at(window.end(), () -> {
            windows.remove(window);
            events.record(events.event(EventKind.MAINTENANCE_ENDED).target(window.target())
                    .message("Maintenance of " + window.target().describe() + " ended")
                    .attribute("reason", window.reason()));
            onEnd.accept(window);
        });
    }

    /** The window covering {@code target} now, if any. */
    Optional<MaintenanceWindow> covering(TargetId target) {
        return windows.stream().filter(window -> window.covers(target, timer.now())).findFirst();
    }
}
