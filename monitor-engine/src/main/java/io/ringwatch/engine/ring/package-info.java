/**
 * The ring: nodes in a fixed order, each watching its next K live successors. Every node works
 * out its own part from its own observations, with no coordinator: when a watched node is found
 * down, its watcher keeps probing it and extends its watch to the next live successor, so every
 * node stays watched by its K nearest live predecessors.
 */
package io.ringwatch.engine.ring;
