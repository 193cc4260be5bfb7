/**
 * What every channel of this module shares: reading and checking its settings with errors that
 * name the channel and the setting but never the value ({@link io.ringwatch.notifiers.channel.ChannelSettings});
 * sending one HTTP request bounded by the channel's timeout with errors that never quote the URL
 * ({@link io.ringwatch.notifiers.channel.ChannelHttp}); making text well-formed and cutting it to a
 * provider's limits ({@link io.ringwatch.notifiers.channel.ChannelText}); and the skeleton of a
 * notifier that speaks HTTP (name, closed flag, a {@code toString} without secrets), which each
 * provider extends with its own request and answer ({@link io.ringwatch.notifiers.channel.HttpNotifier}).
 */
package io.ringwatch.notifiers.channel;
