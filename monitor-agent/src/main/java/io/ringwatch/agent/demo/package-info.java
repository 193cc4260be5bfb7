/**
 * The agent's {@code demo}: a farm of five nodes on loopback, each a real engine with its own
 * status endpoint and web service over real HTTP, one of which goes down and comes back.
 */
package io.ringwatch.agent.demo;
