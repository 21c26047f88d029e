package io.ticketstream.streams.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class NormalizedRowSerdeTest {

    private final NormalizedRowSerde serde = new NormalizedRowSerde();

    private NormalizedRow roundTrip(NormalizedRow row) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", row));
    }

    @Test
    void everyAllowedValueTypeRoundTripsExactly() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("s", "Zoë – 東京 🎭");
        fields.put("empty", "");
        fields.put("l", Long.MIN_VALUE);
        fields.put("i", Integer.MAX_VALUE);
        fields.put("b", Boolean.FALSE);
        fields.put("d", new BigDecimal("12.50"));
        fields.put("big", new BigDecimal("-123456789012345678901234567890.000000001"));
        fields.put("sci", new BigDecimal("1E+3"));
        fields.put("list", List.of("musical", "opera"));
        fields.put("emptyList", List.of());
        fields.put("nothing", null);
        NormalizedRow row = new NormalizedRow("customers", NormalizedRow.Op.UPSERT, "65a1|x", fields, 1795275000123L, true);

        NormalizedRow back = roundTrip(row);

        assertEquals(row, back);
        assertEquals(2, back.getDecimal("d").scale(), "scale kept: 12.50 is not 12.5");
        assertEquals(-3, back.getDecimal("sci").scale(), "negative scale kept");
        assertTrue(back.has("nothing") && back.fields().get("nothing") == null, "null differs from absent");
        assertEquals(List.copyOf(fields.keySet()), List.copyOf(back.fields().keySet()), "field order kept");
        assertEquals(Integer.class, back.fields().get("i").getClass(), "Integer stays Integer, not Long");
    }

    @Test
    void deleteRowsAndNullRoundTrip() {
        NormalizedRow delete = new NormalizedRow("orders", NormalizedRow.Op.DELETE, "1", Map.of("order_id", 1L), 5L, false);
        assertEquals(delete, roundTrip(delete));
        assertNull(serde.serializer().serialize("t", null));
        assertNull(serde.deserializer().deserialize("t", null));
    }

    @Test
    void disallowedTypesAndCorruptBytesFailClearly() {
        NormalizedRow bad = new NormalizedRow("orders", NormalizedRow.Op.UPSERT, "1", Map.of("x", 1.5d), 5L, false);
        SerializationException e = assertThrows(SerializationException.class, () -> serde.serializer().serialize("t", bad));
        assertTrue(e.getMessage().contains("field x"), e.getMessage());

        assertThrows(SerializationException.class, () -> serde.deserializer().deserialize("t", new byte[] {1, 0, 0}));
        assertThrows(SerializationException.class, () -> serde.deserializer().deserialize("t", new byte[] {9}));
    }

    /**
     * Guards the switch from DataOutputStream to a plain byte buffer (done for speed): the bytes must stay
     * exactly those that state stores, changelogs and repartition topics already hold. The expected hex was
     * written by the DataOutputStream implementation.
     */
    @Test
    void bytesStayTheFormatThatStoresAndRepartitionTopicsAlreadyHold() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("order_id", 42L);
        fields.put("status", "PAID");
        fields.put("seat", 7);
        fields.put("opt_in", true);
        fields.put("total", new BigDecimal("90.00"));
        fields.put("note", null);
        fields.put("genres", List.of("musical"));
        NormalizedRow row = new NormalizedRow("orders", NormalizedRow.Op.UPSERT, "42", fields, 1700000000000L, false);
        String expected = "01000000066f7264657273000000000234320000018bcfe568000000000007000000086f726465725f696402000000000000002a"
                + "0000000673746174757301000000045041494400000004736561740300000007000000066f70745f696e040100000005746f74616c"
                + "0500000002000000022328000000046e6f7465000000000667656e7265730600000001000000076d75736963616c";

        assertEquals(expected, HexFormat.of().formatHex(serde.serializer().serialize("t", row)));
        assertEquals(row, serde.deserializer().deserialize("t", HexFormat.of().parseHex(expected)));
    }
}
