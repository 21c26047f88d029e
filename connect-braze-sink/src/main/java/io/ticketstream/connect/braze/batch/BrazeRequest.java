package io.ticketstream.connect.braze.batch;

import java.util.List;

/** One request to Braze, built from buffered records; splittable so a 400 can be narrowed to its cause. */
public interface BrazeRequest {

    /** Endpoint path, e.g. /users/track. */
    String path();

    /** The JSON body exactly as sent. */
    byte[] body();

    /** Objects in the request (merged attribute updates count once). */
    int objectCount();

    /** Every record this request delivers. */
    List<PendingRecord> records();

    /** Two requests with the objects of this one, in order; only when {@link #objectCount()} > 1. */
    List<BrazeRequest> split();

    /**
     * The records behind the object Braze names in a per-object error ({@code input_array}, {@code index}),
     * or an empty list when the reference does not match this request.
     */
    List<PendingRecord> recordsAt(String inputArray, int index);

    /**
     * This request without the records of {@code revoked} partitions (their new owner sends them), or null when
     * nothing is left; {@code this} when none of its records is revoked.
     */
    BrazeRequest without(java.util.Set<org.apache.kafka.common.TopicPartition> revoked);

    /** Which of {@link io.ticketstream.connect.braze.pacing.Endpoint} this request goes to. */
    io.ticketstream.connect.braze.pacing.Endpoint endpoint();
}
