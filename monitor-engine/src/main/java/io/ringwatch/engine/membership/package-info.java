/**
 * Who is in the farm: each {@link io.ringwatch.engine.membership.Member} is a node with the
 * address of its status endpoint and the web services it hosts, each a
 * {@link io.ringwatch.engine.membership.ServiceSpec}. Membership is a static list given to the
 * engine's builder.
 */
package io.ringwatch.engine.membership;
