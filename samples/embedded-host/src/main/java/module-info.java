/**
 * A host application that embeds the Ringwatch engine and brings a notifier of its own.
 *
 * <p>Only a modular application needs this file. On the class path (as the runnable jar runs)
 * the engine finds the desk notifier through
 * {@code META-INF/services/io.ringwatch.api.NotifierProvider}; on the module path, through the
 * {@code provides} clause below. Declare your provider in both places, and it is found either way.
 */
module io.ringwatch.samples.host {
    requires io.ringwatch.engine;
    requires jdk.httpserver; // the demo nodes' orders-api
    requires org.slf4j;

    exports io.ringwatch.samples.host;

    provides io.ringwatch.api.NotifierProvider with io.ringwatch.samples.host.DeskNotifierProvider;
}
