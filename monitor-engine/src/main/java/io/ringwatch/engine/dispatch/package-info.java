/**
 * How notifications reach channels. {@link io.ringwatch.engine.dispatch.NotifierProviders}
 * finds the {@link io.ringwatch.api.NotifierProvider}s on the class path or module path
 * through {@link java.util.ServiceLoader}, keyed by their unique ids, and makes a channel's
 * {@link io.ringwatch.api.Notifier} from the provider the channel names. A provider that
 * fails to load is logged and skipped; two providers with one id stop the engine from
 * starting; none at all is a warning, and monitoring goes on.
 */
package io.ringwatch.engine.dispatch;
