package io.ringwatch.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** What the figures depend on, for the top of a benchmark's output. Stateless; thread-safe. */
final class Machine {

    private Machine() {
    }

    /** The JVM, the processors it sees, the load average, its heap limit, its collectors and the date. */
    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return String.format(Locale.ROOT, "java %s (%s) processors=%d load1m=%s maxHeap=%dMiB gc=%s date=%s",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.availableProcessors(),
                load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load), runtime.maxMemory() / (1024 * 1024),
                String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(gc -> gc.getName()).toList()),
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
