package io.ringwatch.api;

/**
 * The name of a web service hosted by a node, unique within that node. Case-sensitive; 1 to
 * 63 letters, digits, {@code .}, {@code _} or {@code -}.
 *
 * @param value the name
 */
public record ServiceId(String value) implements Comparable<ServiceId> {

    /**
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not a valid name
     */
    public ServiceId {
        Names.requireId(value, "service id");
    }

    /**
     * Returns the service id with this name.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not a valid name
     */
    public static ServiceId of(String value) {
        return new ServiceId(value);
    }

    @Override
    public int compareTo(ServiceId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
