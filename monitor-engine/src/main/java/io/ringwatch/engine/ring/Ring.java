package io.ringwatch.engine.ring;

import io.ringwatch.api.NodeId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Nodes in a fixed order, each watching its next {@code partners} live successors. Which nodes
 * are down is a parameter of every question, because each observer answers from its own view.
 *
 * <p>A node may be <em>watched only</em>: a machine that runs no engine (it cannot watch, nor
 * answer questions) but is checked by the engines before it. Such a node is in every watch list
 * that reaches it, but counts as none of a watcher's {@code partners} and is nobody's watcher:
 * each node is still watched by its {@code partners} nearest live predecessors that run an
 * engine. Immutable and thread-safe.
 */
public final class Ring {
    private final List<NodeId> order;
    private final Map<NodeId, Integer> positions;
    private final int partners;
    private final Set<NodeId> watchedOnly;

    private Ring(List<NodeId> order, int partners, Set<NodeId> watchedOnly) {
        if (partners < 1) {
            throw new IllegalArgumentException("partners must be at least 1, was " + partners);
        }
        this.order = List.copyOf(order);
        this.partners = partners;
        this.watchedOnly = Set.copyOf(watchedOnly);
        this.positions = new HashMap<>();
        for (int i = 0; i < this.order.size(); i++) {
            if (positions.put(this.order.get(i), i) != null) {
                throw new IllegalArgumentException("node " + this.order.get(i) + " is on the ring twice");
            }
        }
        for (NodeId node : this.watchedOnly) {
            position(node);
        }
    }

    /**
     * A ring in the given order.
     *
     * @param order the nodes, each once
     * @param partners how many live successors each node watches (K), at least 1
     * @throws IllegalArgumentException if a node is listed twice or {@code partners} is less than 1
     */
    public static Ring of(List<NodeId> order, int partners) {
        return new Ring(order, partners, Set.of());
    }

    /**
     * A ring ordered as {@code order} says.
     *
     * @throws IllegalArgumentException if a node is listed twice or {@code partners} is less than 1
     */
    public static Ring of(Collection<NodeId> nodes, RingOrder order, int partners) {
        return of(nodes, order, partners, Set.of());
    }

    /**
     * A ring ordered as {@code order} says, in which the {@code watchedOnly} nodes run no engine:
     * they are checked, but watch nobody.
     *
     * @throws IllegalArgumentException if a node is listed twice, a watched-only node is not among
     *         {@code nodes}, or {@code partners} is less than 1
     */
    public static Ring of(Collection<NodeId> nodes, RingOrder order, int partners, Set<NodeId> watchedOnly) {
        List<NodeId> placed = new ArrayList<>(nodes);
        if (order == RingOrder.HASHED) {
            placed.sort(Comparator.comparingLong(Ring::stableHash).thenComparing(Comparator.naturalOrder()));
        }
        return new Ring(placed, partners, watchedOnly);
    }

    /** The nodes in ring order. */
    public List<NodeId> members() {
        return order;
    }

    /** How many nodes are on the ring. */
    public int size() {
        return order.size();
    }

    /** How many live successors each node watches (K). */
    public int partners() {
        return partners;
    }

    /** Whether {@code node} is on the ring. */
    public boolean contains(NodeId node) {
        return positions.containsKey(node);
    }

    /** Whether {@code node} runs an engine and so watches others; false for a watched-only node. */
    public boolean watches(NodeId node) {
        return !watchedOnly.contains(node);
    }

    /**
     * The nodes {@code watcher} checks, in ring order: its successors up to and including the
     * {@code partners}-th live one that watches, with the down and watched-only nodes passed on
     * the way (down ones kept to see them recover).
     *
     * @param isDown which nodes the watcher has found down
     * @throws IllegalArgumentException if {@code watcher} is not on the ring
     */
    public List<NodeId> watchList(NodeId watcher, Predicate<NodeId> isDown) {
        int start = position(watcher);
        List<NodeId> watched = new ArrayList<>(partners + 2);
        int live = 0;
        for (int step = 1; step < order.size() && live < partners; step++) {
            NodeId successor = order.get((start + step) % order.size());
            watched.add(successor);
            if (watches(successor) && !isDown.test(successor)) {
                live++;
            }
        }
        return watched;
    }

    /**
     * The live nodes that watch {@code target}: its {@code partners} nearest live predecessors
     * that run an engine, nearest first.
     *
     * @param isDown which nodes are down in the asker's view
     * @throws IllegalArgumentException if {@code target} is not on the ring
     */
    public List<NodeId> watchersOf(NodeId target, Predicate<NodeId> isDown) {
        int start = position(target);
        List<NodeId> watchers = new ArrayList<>(partners);
        for (int step = 1; step < order.size() && watchers.size() < partners; step++) {
            NodeId predecessor = order.get(Math.floorMod(start - step, order.size()));
            if (watches(predecessor) && !isDown.test(predecessor)) {
                watchers.add(predecessor);
            }
        }
        return watchers;
    }

    /**
     * Every other node that runs an engine (those that can answer a question), nearest
     * predecessor first, going backwards around the ring.
     *
     * @throws IllegalArgumentException if {@code node} is not on the ring
     */
    public List<NodeId> predecessors(NodeId node) {
        int start = position(node);
        List<NodeId> predecessors = new ArrayList<>(order.size() - 1);
        for (int step = 1; step < order.size(); step++) {
            NodeId predecessor = order.get(Math.floorMod(start - step, order.size()));
            if (watches(predecessor)) {
                predecessors.add(predecessor);
            }
        }
        return predecessors;
    }

    /**
     * The live nodes that watch strictly between {@code from} and {@code to} going forward around
     * the ring, nearest to {@code to} first. For a watcher and its target these are the watchers nearer to
     * the target; none means the watcher is the target's nearest live predecessor.
     *
     * @param isDown which nodes are down in the asker's view
     * @throws IllegalArgumentException if a node is not on the ring
     */
    public List<NodeId> liveBetween(NodeId from, NodeId to, Predicate<NodeId> isDown) {
        int start = position(from);
        int end = position(to);
        List<NodeId> between = new ArrayList<>();
        for (int step = Math.floorMod(end - start, order.size()) - 1; step >= 1; step--) {
            NodeId node = order.get((start + step) % order.size());
            if (watches(node) && !isDown.test(node)) {
                between.add(node);
            }
        }
        return between;
    }

    private int position(NodeId node) {
        Integer position = positions.get(Objects.requireNonNull(node, "node"));
        if (position == null) {
            throw new IllegalArgumentException("node " + node + " is not on the ring " + order);
        }
        return position;
    }

    private static long stableHash(NodeId node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(node.value().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }

    @Override
    public String toString() {
        return "Ring" + order + " watching " + partners + (watchedOnly.isEmpty() ? "" : ", watched only " + watchedOnly);
    }
}
