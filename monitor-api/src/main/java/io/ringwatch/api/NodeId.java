package io.ringwatch.api;

/**
 * The name of a node: a machine that runs an engine. Case-sensitive; 1 to 63 letters,
 * digits, {@code .}, {@code _} or {@code -}.
 *
 * @param value the name
 */
public record NodeId(String value) implements Comparable<NodeId> {

    /**
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not a valid name
     */
    public NodeId {
        Names.requireId(value, "node id");
    }

    /**
     * Returns the node id with this name.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not a valid name
     */
    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
