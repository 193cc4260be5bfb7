/**
 * The node's status endpoint: liveness for partners, the node's view and its own services'
 * health, peer questions (confirmation, "did you notify?", acknowledgements) and Prometheus
 * metrics. {@link io.ringwatch.engine.endpoint.StatusEndpoint} serves it with the JDK's HTTP
 * server; a host app that has a web server of its own routes requests to
 * {@link io.ringwatch.engine.endpoint.EndpointHandler} instead.
 */
package io.ringwatch.engine.endpoint;
