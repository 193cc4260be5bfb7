package io.ringwatch.engine.delivery;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A lane that runs each task at once on the calling thread. */
final class InlineLane implements Lane {
    private static final Logger LOG = LoggerFactory.getLogger(InlineLane.class);

    private final String name;
    private volatile boolean closed;

    InlineLane(String name) {
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        if (closed) {
            LOG.warn("Lane {} is closed; a task was dropped", name);
            return;
        }
        try {
            task.run();
        } catch (Throwable failure) {
            LOG.error("A task on lane {} failed; the lane goes on", name, failure);
        }
    }

    @Override
    public boolean abandon(Runnable task) {
        return false;
    }

    @Override
    public int abandonedStillRunning() {
        return 0;
    }

    @Override
    public boolean close(Duration drain) {
        closed = true;
        return true;
    }
}
