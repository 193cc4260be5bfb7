/**
 * One node of the farm as the agent runs it: the engine built from the config file, over the
 * real network, behind its status endpoint.
 */
package io.ringwatch.agent.node;
