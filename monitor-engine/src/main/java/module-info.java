/**
 * The Ringwatch engine: watches partner nodes in a ring, classifies and debounces what it
 * sees, confirms with other watchers, and tells people. Depends on nothing but the API and
 * SLF4J.
 */
module io.ringwatch.engine {
    requires transitive io.ringwatch.api;
    requires org.slf4j;

    exports io.ringwatch.engine.dispatch;
    exports io.ringwatch.engine.schedule;

    uses io.ringwatch.api.NotifierProvider;
}
