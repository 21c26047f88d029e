package io.ticketstream.streams.normalize.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.ticketstream.streams.normalize.ErrorKind;
import io.ticketstream.streams.normalize.envelope.Json;

class CastTest {

    private static Object cast(Cast cast, String json) throws Exception {
        JsonNode node = Json.MAPPER.readTree(json);
        return cast.convert(node);
    }

    private static ErrorKind failure(Cast cast, String json) {
        return assertThrows(CastException.class, () -> cast(cast, json)).kind();
    }

    @Test
    void decimalsAreExactFromStringsNumbersAndNumberDecimal() throws Exception {
        assertEquals(new BigDecimal("0.10"), cast(Cast.DECIMAL, "\"0.10\""));
        assertEquals(new BigDecimal("0.10"), cast(Cast.DECIMAL, "0.10"), "number read without double rounding, scale kept");
        assertEquals(new BigDecimal("12345678901234567890.123456789"), cast(Cast.DECIMAL, "12345678901234567890.123456789"));
        assertEquals(new BigDecimal("7.250"), cast(Cast.DECIMAL, "{\"$numberDecimal\":\"7.250\"}"));
        assertEquals(new BigDecimal("5"), cast(Cast.DECIMAL, "5"));
        assertEquals(ErrorKind.BAD_DECIMAL, failure(Cast.DECIMAL, "\"1.2.3\""));
        assertEquals(ErrorKind.BAD_DECIMAL, failure(Cast.DECIMAL, "{\"$numberDecimal\":\"NaN\"}"));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.DECIMAL, "true"));
    }

    @Test
    void epochUnitsBecomeMillis() throws Exception {
        assertEquals(1795275000123L, cast(Cast.EPOCH_MILLIS, "1795275000123"));
        assertEquals(1795275000123L, cast(Cast.EPOCH_MICROS, "1795275000123456"));
        assertEquals(1795275000123L, cast(Cast.EPOCH_NANOS, "1795275000123456789"));
        assertEquals(-1L, cast(Cast.EPOCH_MICROS, "-1"), "floored, not truncated towards zero");
        assertEquals(ErrorKind.BAD_TIMESTAMP, failure(Cast.EPOCH_MILLIS, "\"2026-01-01\""));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.EPOCH_MILLIS, "1.5"));
    }

    @Test
    void isoTimestampsNeedAnOffset() throws Exception {
        assertEquals(Instant.parse("2027-03-01T08:30:00Z").toEpochMilli(), cast(Cast.ISO8601, "\"2027-03-01T08:30:00.000000Z\""));
        assertEquals(Instant.parse("2027-03-01T07:30:00Z").toEpochMilli(), cast(Cast.ISO8601, "\"2027-03-01T08:30:00+01:00\""));
        assertEquals(ErrorKind.BAD_TIMESTAMP, failure(Cast.ISO8601, "\"2027-03-01T08:30:00\""));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.ISO8601, "1795275000000"));
    }

    @Test
    void mongoDatesInEveryExtendedJsonForm() throws Exception {
        long millis = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
        assertEquals(millis, cast(Cast.MONGO_DATE, "{\"$date\":" + millis + "}"));
        assertEquals(millis, cast(Cast.MONGO_DATE, "{\"$date\":\"2026-11-21T10:00:00Z\"}"));
        assertEquals(millis, cast(Cast.MONGO_DATE, "{\"$date\":{\"$numberLong\":\"" + millis + "\"}}"));
        assertEquals(ErrorKind.BAD_EXTENDED_JSON, failure(Cast.MONGO_DATE, "{\"$date\":true}"));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.MONGO_DATE, "" + millis));
    }

    @Test
    void datesFromEpochDaysIsoDatesAndMongoDates() throws Exception {
        int day = (int) LocalDate.of(1990, 4, 17).toEpochDay();
        assertEquals(day, cast(Cast.DATE, "" + day));
        assertEquals(day, cast(Cast.DATE, "\"1990-04-17\""));
        assertEquals(day, cast(Cast.DATE, "{\"$date\":\"1990-04-17T00:00:00Z\"}"));
        assertEquals(ErrorKind.BAD_DATE, failure(Cast.DATE, "\"17/04/1990\""));
    }

    @Test
    void integersBooleansListsAndObjectIds() throws Exception {
        assertEquals(7L, cast(Cast.LONG, "{\"$numberLong\":\"7\"}"));
        assertEquals(7, cast(Cast.INT, "{\"$numberInt\":\"7\"}"));
        assertEquals(ErrorKind.BAD_NUMBER, failure(Cast.INT, "2147483648"));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.LONG, "\"7\""));
        assertEquals(true, cast(Cast.BOOLEAN, "true"));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.BOOLEAN, "\"true\""));
        assertEquals(List.of("a", "b"), cast(Cast.STRING_LIST, "[\"a\",\"b\"]"));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.STRING_LIST, "[\"a\",1]"));
        assertEquals("65a1b2c3d4e5f60718293a4b", cast(Cast.OBJECT_ID, "{\"$oid\":\"65A1B2C3D4E5F60718293A4B\"}"));
        assertEquals(ErrorKind.BAD_EXTENDED_JSON, failure(Cast.OBJECT_ID, "{\"$oid\":\"65a1\"}"));
        assertEquals(ErrorKind.WRONG_TYPE, failure(Cast.STRING, "12"));
    }
}
