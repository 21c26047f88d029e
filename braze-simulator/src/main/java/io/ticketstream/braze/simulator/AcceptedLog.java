package io.ticketstream.braze.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Every applied object in the order applied. A request's objects are appended in one step, so
 * objects of concurrent requests never interleave (Braze applies a request as a unit:
 * attributes, then events, then purchases).
 */
final class AcceptedLog {

    private final Object lock = new Object();
    private ArrayList<AcceptedObject> objects = new ArrayList<>(1024);

    void appendAll(List<AcceptedObject> batch) {
        synchronized (lock) {
            objects.addAll(batch);
        }
    }

    List<AcceptedObject> snapshot() {
        synchronized (lock) {
            return List.copyOf(objects);
        }
    }

    List<AcceptedObject> snapshot(ObjectType type) {
        synchronized (lock) {
            List<AcceptedObject> out = new ArrayList<>();
            for (AcceptedObject o : objects) {
                if (o.type() == type) {
                    out.add(o);
                }
            }
            return List.copyOf(out);
        }
    }

    /** The last {@code limit} objects, oldest first. */
    List<AcceptedObject> tail(int limit) {
        synchronized (lock) {
            int from = Math.max(0, objects.size() - limit);
            return List.copyOf(objects.subList(from, objects.size()));
        }
    }

    int size() {
        synchronized (lock) {
            return objects.size();
        }
    }

    void clear() {
        synchronized (lock) {
            objects = new ArrayList<>(1024);
        }
    }
}
