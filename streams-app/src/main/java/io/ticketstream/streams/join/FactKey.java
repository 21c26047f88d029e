package io.ticketstream.streams.join;

import io.ticketstream.schemas.SaleType;

/**
 * The store key of a fact that waits to be complete: commit time first, so a scan meets waiting facts in
 * commit order (a SALE before its REVERSAL, which is committed at or after it), then type and order.
 */
public record FactKey(long occurredAt, SaleType type, long orderId) {

    public String encode() {
        return padded(occurredAt) + '|' + type.ordinal() + '|' + orderId;
    }

    /**
     * A non-negative time as 19 digits, so that keys sort by it as text (String.format does the same at many times
     * the cost, on every waiting fact).
     */
    public static String padded(long epochMillis) {
        String digits = Long.toString(epochMillis);
        return "0".repeat(Math.max(0, 19 - digits.length())) + digits;
    }

    public static FactKey decode(String key) {
        String[] parts = key.split("\\|", 3);
        return new FactKey(Long.parseLong(parts[0]), SaleType.values()[Integer.parseInt(parts[1])], Long.parseLong(parts[2]));
    }

    /** The fact's sale_id: {@code <order_id>-SALE} or {@code <order_id>-REVERSAL}. */
    public String saleId() {
        return orderId + "-" + type.name();
    }
}
