/**
 * How nodes talk to each other and to the services they check. A
 * {@link io.ringwatch.engine.peer.Transport} carries {@link io.ringwatch.engine.peer.PeerQuestion}s
 * to partner nodes (is it alive, what does it see of a target, has it notified) and fetches
 * service status URLs. The same logic runs over the testkit's simulated network and over HTTP:
 * only the transport changes.
 */
package io.ringwatch.engine.peer;
