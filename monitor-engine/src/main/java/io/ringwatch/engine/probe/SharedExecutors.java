package io.ringwatch.engine.probe;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The few daemon threads the probes block on, shared by every probe in the JVM: a handful for
 * host name lookups ({@link java.net.InetAddress} resolves synchronously) and a handful for
 * ICMP echoes ({@link java.net.InetAddress#isReachable} blocks). Never a thread per target:
 * each pool has a fixed number of threads, idle ones end, and a full queue rejects the task
 * rather than growing. Thread-safe.
 */
final class SharedExecutors {
    /** Threads for host name lookups. */
    static final int RESOLVER_THREADS = 4;
    /** Threads for ICMP echoes, each busy for up to its probe's timeout. */
    static final int PINGER_THREADS = 8;
    /** Tasks waiting per pool before new ones are rejected. */
    static final int QUEUE_CAPACITY = 1024;

    private static final ExecutorService RESOLVER = pool("ringwatch-probe-dns-", RESOLVER_THREADS);
    private static final ExecutorService PINGER = pool("ringwatch-probe-ping-", PINGER_THREADS);

    private SharedExecutors() {
    }

    static ExecutorService resolver() {
        return RESOLVER;
    }

    static ExecutorService pinger() {
        return PINGER;
    }

    private static ExecutorService pool(String namePrefix, int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
                    Thread thread = new Thread(runnable, namePrefix + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
