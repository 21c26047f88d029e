package io.ticketstream.streams.join;

/**
 * The answer to "which version of the dimension was in force at the fact's commit time?" once the dimension's
 * progress allows an answer: the version, or none (null) when it certainly did not exist. {@link #notYet()}
 * while versions committed at or before that time may still be on their way.
 */
public final class AsOf<D> {

    private static final AsOf<?> NOT_YET = new AsOf<>(false, null);

    private final boolean decided;
    private final D value;

    private AsOf(boolean decided, D value) {
        this.decided = decided;
        this.value = value;
    }

    @SuppressWarnings("unchecked")
    public static <D> AsOf<D> notYet() { return (AsOf<D>) NOT_YET; }

    /** @param value the version in force, or null when there was none */
    public static <D> AsOf<D> of(D value) { return new AsOf<>(true, value); }

    public boolean decided() { return decided; }

    /** The version in force; null when there was none. Only when {@link #decided()}. */
    public D value() {
        if (!decided) {
            throw new IllegalStateException("not decided yet");
        }
        return value;
    }
}
