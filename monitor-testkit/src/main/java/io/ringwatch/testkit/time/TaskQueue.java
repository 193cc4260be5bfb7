package io.ringwatch.testkit.time;

import java.util.Arrays;

/**
 * A binary min-heap of tasks ordered by (due time, scheduling order), each task knowing its
 * position so that removal is O(log n). Not thread-safe: the scheduler holds its lock.
 */
final class TaskQueue {
    private ScheduledTask[] heap = new ScheduledTask[64];
    private int size;

    int size() {
        return size;
    }

    /** The first task, or null when empty. */
    ScheduledTask peek() {
        return heap[0];
    }

    void add(ScheduledTask task) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        siftUp(size++, task);
    }

    /** Removes the first task, which must exist. */
    void removeFirst() {
        heap[0].index = -1;
        ScheduledTask last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(0, last);
        }
    }

    /** Puts the first task back in its place after its due time moved later. */
    void firstMovedLater() {
        siftDown(0, heap[0]);
    }

    /** Removes {@code task} if queued here; returns whether it was. */
    boolean remove(ScheduledTask task) {
        int at = task.index;
        if (at < 0 || at >= size || heap[at] != task) {
            return false;
        }
        task.index = -1;
        ScheduledTask last = heap[--size];
        heap[size] = null;
        if (last != task) {
            siftDown(at, last);
            if (heap[at] == last) {
                siftUp(at, last);
            }
        }
        return true;
    }

    private void siftUp(int at, ScheduledTask task) {
        while (at > 0) {
            int parentAt = (at - 1) >>> 1;
            ScheduledTask parent = heap[parentAt];
            if (!task.runsBefore(parent)) {
                break;
            }
            place(at, parent);
            at = parentAt;
        }
        place(at, task);
    }

    private void siftDown(int at, ScheduledTask task) {
        int half = size >>> 1;
        while (at < half) {
            int childAt = 2 * at + 1;
            ScheduledTask child = heap[childAt];
            int rightAt = childAt + 1;
            if (rightAt < size && heap[rightAt].runsBefore(child)) {
                childAt = rightAt;
                child = heap[rightAt];
            }
            if (!child.runsBefore(task)) {
                break;
            }
            place(at, child);
            at = childAt;
        }
        place(at, task);
    }

    private void place(int at, ScheduledTask task) {
        heap[at] = task;
        task.index = at;
    }
}
