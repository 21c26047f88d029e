package io.ticketstream.it.ordering.harness;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Field-by-field differences of two Avro records of the same class, with dotted paths ({@code performance.venue_name}). */
final class RecordDiff {

    /** One differing field. */
    record FieldDiff(String path, Object expected, Object actual) {
        @Override
        public String toString() {
            return path + ": expected " + expected + ", actual " + actual;
        }
    }

    private RecordDiff() {
    }

    static List<FieldDiff> of(SpecificRecord expected, SpecificRecord actual) {
        List<FieldDiff> out = new ArrayList<>();
        diff("", expected, actual, out);
        return out;
    }

    private static void diff(String path, Object expected, Object actual, List<FieldDiff> out) {
        if (expected instanceof SpecificRecord e && actual instanceof SpecificRecord a) {
            for (Schema.Field field : e.getSchema().getFields()) {
                diff(path.isEmpty() ? field.name() : path + "." + field.name(), e.get(field.pos()), a.get(field.pos()), out);
            }
            return;
        }
        if (expected instanceof List<?> e && actual instanceof List<?> a && e.size() == a.size()) {
            for (int i = 0; i < e.size(); i++) {
                diff(path + "[" + i + "]", e.get(i), a.get(i), out);
            }
            return;
        }
        if (expected instanceof BigDecimal e && actual instanceof BigDecimal a ? e.compareTo(a) != 0 : !Objects.equals(expected, actual)) {
            out.add(new FieldDiff(path.isEmpty() ? "(record)" : path, expected, actual));
        }
    }
}
