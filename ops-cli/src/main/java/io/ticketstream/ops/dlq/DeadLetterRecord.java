package io.ticketstream.ops.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One dead-letter record made readable: where it sits, its key, its headers decoded, a preview of its value.
 * Header values of both dead-letter formats are UTF-8 text: Connect's {@code __connect.errors.*} (original topic,
 * partition, offset, connector, task, stage, exception class, message, stack trace) and the streams app's
 * {@code __streams.errors.*} plus {@code ticketstream.mapping/field/error.kind} (streams-app/README.md).
 * Stack traces are cut to their first line unless asked for.
 */
public record DeadLetterRecord(String topic, int partition, long offset, long timestampMs, String key,
                               List<String[]> headers, String valuePreview) {

    /** Avro single-object encoding (the canonical topics' format): marker C3 01, then an 8-byte schema fingerprint. */
    private static final byte[] AVRO_SINGLE_OBJECT_MARKER = {(byte) 0xC3, 0x01};

    public static DeadLetterRecord of(ConsumerRecord<byte[], byte[]> record, int previewBytes, boolean fullTraces) {
        List<String[]> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            String text = text(header.value());
            if (!fullTraces && header.key().endsWith("stacktrace") && text != null) {
                int nl = text.indexOf('\n');
                text = nl < 0 ? text : text.substring(0, nl) + " ... (--full-traces)";
            }
            headers.add(new String[] {header.key(), text == null ? "0x" + HexFormat.of().formatHex(header.value()) : text});
        }
        return new DeadLetterRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key() == null ? null : preview(record.key(), previewBytes), List.copyOf(headers),
                record.value() == null ? null : preview(record.value(), previewBytes));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(topic).append('-').append(partition).append('@').append(offset).append("  ")
                .append(timestampMs >= 0 ? Instant.ofEpochMilli(timestampMs).toString() : "-")
                .append("  key: ").append(key == null ? "null" : key).append('\n');
        headers.forEach(h -> out.append("  ").append(h[0]).append(" = ").append(h[1]).append('\n'));
        out.append("  value: ").append(valuePreview == null ? "null (tombstone)" : valuePreview).append('\n');
        return out.toString();
    }

    /** UTF-8 text when the bytes are text, else what kind of binary it is and a hex preview. */
    static String preview(byte[] bytes, int limit) {
        String text = text(bytes);
        if (text != null) {
            return text.length() <= limit ? text : text.substring(0, limit) + "... (" + bytes.length + " bytes)";
        }
        String kind = "binary";
        if (bytes.length >= 10 && bytes[0] == AVRO_SINGLE_OBJECT_MARKER[0] && bytes[1] == AVRO_SINGLE_OBJECT_MARKER[1]) {
            byte[] fingerprint = new byte[8];
            for (int i = 0; i < 8; i++) {
                fingerprint[i] = bytes[9 - i]; // little-endian on the wire, shown as schemas/ prints it
            }
            kind = "Avro single-object, schema fingerprint 0x" + HexFormat.of().formatHex(fingerprint);
        }
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(bytes.length, limit / 2));
        return "(" + bytes.length + " bytes, " + kind + ") " + HexFormat.ofDelimiter(" ").formatHex(head)
                + (head.length < bytes.length ? " ..." : "");
    }

    private static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.chars().allMatch(c -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t') ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
