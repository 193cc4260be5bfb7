/**
 * Who is told what: contacts and their addresses on channels, subscriptions to targets with a
 * minimum severity, mutes, the on-call schedule and the escalation policy. {@link
 * io.ringwatch.engine.routing.Routing} turns a notification into the deliveries it needs.
 */
package io.ringwatch.engine.routing;
