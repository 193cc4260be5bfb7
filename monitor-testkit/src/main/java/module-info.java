/**
 * Test support for Ringwatch: virtual time, a simulated farm of real engines with injected
 * faults, a recording notifier, AssertJ assertions, a JUnit 5 extension and the notifier
 * compatibility kit.
 */
module io.ringwatch.testkit {
    requires transitive io.ringwatch.engine;
    requires transitive org.assertj.core;
    requires transitive org.junit.jupiter.api;
    requires org.slf4j;

    exports io.ringwatch.testkit;
    exports io.ringwatch.testkit.notify;
    exports io.ringwatch.testkit.time;

    provides io.ringwatch.api.NotifierProvider with io.ringwatch.testkit.notify.RecordingNotifierProvider;
}
