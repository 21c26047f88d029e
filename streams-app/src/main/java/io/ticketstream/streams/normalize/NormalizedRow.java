package io.ticketstream.streams.normalize;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source row after unwrapping and metadata-driven normalisation: the contract between the
 * normalisation stage (mapping files) and the join stage (code).
 *
 * <p>Field names are the canonical names declared by the mapping's renames; values are restricted to
 * {@code String, Long, Integer, Boolean, BigDecimal, List<String>} or null, with timestamps as
 * {@code Long} epoch milliseconds and dates as {@code Integer} epoch days (Avro's own representations),
 * so the join stage never parses source formats and the serde round-trips every value exactly.
 *
 * <p>A {@linkplain #partial() partial} row carries only the fields the source said changed (a MongoDB
 * update whose full document could not be looked up): the join stage merges it into the last known
 * state and never invents the missing fields.
 */
public final class NormalizedRow {

    /** What happened to the row in the source. Snapshot reads are {@link #UPSERT}s too. */
    public enum Op { UPSERT, DELETE }

    private final String mapping;
    private final Op op;
    private final String key;
    private final Map<String, Object> fields;
    private final long commitTs;
    private final boolean partial;

    public NormalizedRow(String mapping, Op op, String key, Map<String, Object> fields, long commitTs, boolean partial) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.op = Objects.requireNonNull(op, "op");
        this.key = Objects.requireNonNull(key, "key");
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.commitTs = commitTs;
        this.partial = partial;
    }

    /** Name of the mapping that produced this row, e.g. {@code orders}, {@code customers}, {@code venues}. */
    public String mapping() { return mapping; }

    public Op op() { return op; }

    public boolean isDelete() { return op == Op.DELETE; }

    /** The row's key as a string: the key field's value, or key values joined by {@code |} when composite. */
    public String key() { return key; }

    /** Canonical field name to value; on a delete, whatever the source's before image carried (maybe keys only). */
    public Map<String, Object> fields() { return fields; }

    /** Commit time in the source database (Debezium {@code source.ts_ms}), epoch milliseconds. */
    public long commitTs() { return commitTs; }

    public boolean partial() { return partial; }

    public boolean has(String field) { return fields.containsKey(field); }

    public String getString(String field) { return (String) fields.get(field); }

    public Long getLong(String field) { return (Long) fields.get(field); }

    public Integer getInt(String field) { return (Integer) fields.get(field); }

    public Boolean getBoolean(String field) { return (Boolean) fields.get(field); }

    public BigDecimal getDecimal(String field) { return (BigDecimal) fields.get(field); }

    /** Epoch milliseconds. */
    public Long getTimestamp(String field) { return (Long) fields.get(field); }

    /** Epoch days. */
    public Integer getDate(String field) { return (Integer) fields.get(field); }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String field) { return (List<String>) fields.get(field); }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof NormalizedRow)) return false;
        NormalizedRow that = (NormalizedRow) o;
        return commitTs == that.commitTs && partial == that.partial && mapping.equals(that.mapping)
                && op == that.op && key.equals(that.key) && fields.equals(that.fields);
    }

    @Override
    public int hashCode() { return Objects.hash(mapping, op, key, fields, commitTs, partial); }

    @Override
    public String toString() {
        // Field values are left out on purpose: rows carry personal data and toString ends up in logs.
        return "NormalizedRow{" + mapping + " " + op + " key=" + key + " fields=" + fields.keySet()
                + " commitTs=" + commitTs + (partial ? " partial" : "") + "}";
    }
}
