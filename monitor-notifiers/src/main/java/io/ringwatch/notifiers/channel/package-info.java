/**
 * What every channel of this module shares: reading and checking its settings with errors that
 * name the channel and the setting but never the value ({@link io.ringwatch.notifiers.channel.ChannelSettings}),
 * and sending one HTTP request bounded by the channel's timeout with errors that never quote
 * the URL ({@link io.ringwatch.notifiers.channel.ChannelHttp}), and making text well-formed and
 * cutting it to a provider's limits ({@link io.ringwatch.notifiers.channel.ChannelText}).
 */
package io.ringwatch.notifiers.channel;
