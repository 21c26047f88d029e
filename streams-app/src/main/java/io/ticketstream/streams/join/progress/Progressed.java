package io.ticketstream.streams.join.progress;

import java.util.Objects;

/**
 * A record of a topic that carries both data and the progress of the tasks that wrote it: a value, or a
 * {@link Watermark}. Used on the internal topics that cross from one sub-topology to a join in another,
 * where the arrival order says nothing about the commit order.
 */
public final class Progressed<V> {

    private final V value;
    private final Watermark watermark;

    private Progressed(V value, Watermark watermark) {
        this.value = value;
        this.watermark = watermark;
    }

    public static <V> Progressed<V> data(V value) {
        return new Progressed<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <V> Progressed<V> watermark(Watermark watermark) {
        return new Progressed<>(null, Objects.requireNonNull(watermark, "watermark"));
    }

    public boolean isWatermark() { return watermark != null; }

    public V value() { return value; }

    public Watermark watermark() { return watermark; }

    @Override
    public boolean equals(Object o) {
        return o instanceof Progressed<?> other && Objects.equals(value, other.value) && Objects.equals(watermark, other.watermark);
    }

    @Override
    public int hashCode() { return Objects.hash(value, watermark); }

    @Override
    public String toString() { return isWatermark() ? "Progressed{" + watermark + "}" : "Progressed{" + value + "}"; }
}
