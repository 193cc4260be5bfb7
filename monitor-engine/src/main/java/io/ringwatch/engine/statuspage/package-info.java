/**
 * The farm's status page, for the people who use the farm's services: the current state of
 * every node and service, 90 days of uptime bars, recent incidents with what people wrote about
 * them, and the ring of who watches whom. {@link io.ringwatch.engine.statuspage.StatusPage}
 * gathers what each node knows (its {@link io.ringwatch.engine.statuspage.NodeSummary}, read
 * from its own {@link io.ringwatch.engine.statuspage.UptimeHistory}) and renders one read-only
 * HTML page that holds no secret, no address and no probe reason.
 */
package io.ringwatch.engine.statuspage;
