/**
 * How peer questions and answers, and a node's status, look on the wire between nodes: JSON
 * bodies, paths, headers and the shared secret. Internal: shared by the HTTP transport and the
 * status endpoint, not part of the API.
 */
package io.ringwatch.engine.wire;
