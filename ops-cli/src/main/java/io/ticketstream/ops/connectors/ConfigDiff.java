package io.ticketstream.ops.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Key-level difference between the running config and the wanted one: added (+), removed (-), changed (~). */
public final class ConfigDiff {

    public enum Kind {
        ADDED("+"), REMOVED("-"), CHANGED("~");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    public record Entry(Kind kind, String key, String before, String after) {
    }

    private final List<Entry> entries;

    private ConfigDiff(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ConfigDiff between(Map<String, String> running, Map<String, String> wanted) {
        TreeSet<String> keys = new TreeSet<>(running.keySet());
        keys.addAll(wanted.keySet());
        List<Entry> entries = new ArrayList<>();
        for (String key : keys) {
            boolean inRunning = running.containsKey(key);
            boolean inWanted = wanted.containsKey(key);
            if (inRunning && !inWanted) {
                entries.add(new Entry(Kind.REMOVED, key, running.get(key), null));
            } else if (!inRunning) {
                entries.add(new Entry(Kind.ADDED, key, null, wanted.get(key)));
            } else if (!Objects.equals(running.get(key), wanted.get(key))) {
                entries.add(new Entry(Kind.CHANGED, key, running.get(key), wanted.get(key)));
            }
        }
        return new ConfigDiff(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** One line per changed key; secret values masked by {@code masker}, a changed secret says only that it changed. */
    public List<String> render(SecretMasker masker) {
        List<String> lines = new ArrayList<>();
        for (Entry e : entries) {
            switch (e.kind()) {
                case ADDED -> lines.add("+ " + e.key() + " = " + masker.show(e.key(), e.after()));
                case REMOVED -> lines.add("- " + e.key() + " = " + masker.show(e.key(), e.before()));
                case CHANGED -> lines.add("~ " + e.key() + " : " + masker.show(e.key(), e.before()) + " -> "
                        + masker.show(e.key(), e.after())
                        + (masker.isLiteralSecret(e.key(), e.after()) || masker.isLiteralSecret(e.key(), e.before()) ? " (secret changed)" : ""));
            }
        }
        return lines;
    }
}
