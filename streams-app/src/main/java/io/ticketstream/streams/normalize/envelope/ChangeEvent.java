package io.ticketstream.streams.normalize.envelope;

/**
 * A Debezium envelope reduced to what normalisation needs: the operation, the commit time and the row
 * image to map.
 *
 * @param op       what happened
 * @param commitTs {@code source.ts_ms}, epoch milliseconds
 * @param image    after image (create, read, update), before/key image (delete), changed fields (partial
 *                 update); null for skipped operations
 */
public record ChangeEvent(Op op, long commitTs, RowImage image) {

    public enum Op {
        CREATE("c"), UPDATE("u"), DELETE("d"), READ("r"), TRUNCATE("t"), MESSAGE("m");

        private final String code;

        Op(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Null when the code is not one of Debezium's. */
        public static Op of(String code) {
            for (Op op : values()) {
                if (op.code.equals(code)) {
                    return op;
                }
            }
            return null;
        }

        /** Truncates and logical messages carry no row: they are counted and skipped. */
        public boolean carriesRow() {
            return this != TRUNCATE && this != MESSAGE;
        }
    }
}
