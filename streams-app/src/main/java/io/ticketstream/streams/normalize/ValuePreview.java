package io.ticketstream.streams.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Short, log-safe rendering of a bad value for error messages. Values of personal-data mappings are cut
 * to a few characters: the DLQ record keeps the full raw value, messages and logs must not.
 */
public final class ValuePreview {

    static final int MAX_CHARS = 60;
    static final int MAX_PERSONAL_CHARS = 3;

    private ValuePreview() {
    }

    public static String of(JsonNode node, boolean personal) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        String text = node.isTextual() ? node.textValue() : node.toString();
        String quote = node.isTextual() ? "\"" : "";
        return of(text, quote, personal);
    }

    /** A raw text (a record key, say), or "null". */
    public static String of(String text, boolean personal) {
        return text == null ? "null" : of(text, "", personal);
    }

    private static String of(String text, String quote, boolean personal) {
        int max = personal ? MAX_PERSONAL_CHARS : MAX_CHARS;
        if (text.length() <= max && !personal) {
            return quote + text + quote;
        }
        if (text.length() <= max) {
            return quote + text + quote + " (" + text.length() + " chars)";
        }
        return quote + text.substring(0, max) + "…" + quote + " (" + text.length() + " chars)";
    }
}
