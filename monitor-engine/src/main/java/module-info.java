/**
 * The Ringwatch engine: watches partner nodes in a ring, classifies and debounces what it
 * sees, confirms with other watchers, and tells people. Depends on nothing but the API and
 * SLF4J.
 */
module io.ringwatch.engine {
    requires transitive io.ringwatch.api;
    requires java.net.http;
    requires org.slf4j;
    requires jdk.httpserver;

    exports io.ringwatch.engine;
    exports io.ringwatch.engine.audit;
    exports io.ringwatch.engine.check;
    exports io.ringwatch.engine.conversation;
    exports io.ringwatch.engine.dispatch;
    exports io.ringwatch.engine.endpoint;
    exports io.ringwatch.engine.eventlog;
    exports io.ringwatch.engine.membership;
    exports io.ringwatch.engine.metrics;
    exports io.ringwatch.engine.peer;
    exports io.ringwatch.engine.probe;
    exports io.ringwatch.engine.report;
    exports io.ringwatch.engine.ring;
    exports io.ringwatch.engine.routing;
    exports io.ringwatch.engine.schedule;
    exports io.ringwatch.engine.statuspage;

    uses io.ringwatch.api.NotifierProvider;
}
