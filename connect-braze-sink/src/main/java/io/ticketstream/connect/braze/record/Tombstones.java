package io.ticketstream.connect.braze.record;

import org.apache.kafka.connect.sink.SinkRecord;

import io.ticketstream.braze.contract.BrazeContract;
import io.ticketstream.braze.contract.BrazeType;

/**
 * A tombstone (null value: the key was deleted at the source) as a Braze user deletion, when
 * braze.tombstone.handling=delete: the record key is the user's external_id, as on the canonical topics (keyed by
 * customer_ref, which is the Braze external_id).
 */
public final class Tombstones {

    private Tombstones() {
    }

    public static BrazeObject deletion(SinkRecord record) {
        Object key = record.key();
        if (!(key instanceof String id) || id.isBlank()) {
            throw new BadRecordException("(key)", "a tombstone deletes the Braze user whose external_id is the record "
                    + "key, which must be a non-empty string (StringConverter); was "
                    + (key == null ? "null" : key.getClass().getSimpleName()));
        }
        return new BrazeObject(BrazeType.USER_DELETE, new UserKey(BrazeContract.EXTERNAL_ID, id), null, id.length() + 3,
                null);
    }
}
