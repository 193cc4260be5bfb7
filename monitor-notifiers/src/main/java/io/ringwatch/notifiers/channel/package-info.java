/**
 * What every channel of this module shares: reading and checking its settings with errors that
 * name the channel and the setting but never the value ({@link io.ringwatch.notifiers.channel.ChannelSettings}),
 * and sending one HTTP request bounded by the channel's timeout with errors that never quote
 * the URL ({@link io.ringwatch.notifiers.channel.ChannelHttp}).
 */
package io.ringwatch.notifiers.channel;
