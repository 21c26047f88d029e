package io.ticketstream.streams.normalize.mapping;

/**
 * A mapping file that cannot be used. Raised at start-up, never per record, and always names the file,
 * the entry and the reason so that a broken deployment fails fast and says where to look.
 */
public class MappingException extends RuntimeException {

    private final String file;
    private final String entry;
    private final String reason;

    public MappingException(String file, String entry, String reason) {
        this(file, entry, reason, null);
    }

    public MappingException(String file, String entry, String reason, Throwable cause) {
        super("mapping file " + file + (entry == null ? "" : ", entry " + entry) + ": " + reason, cause);
        this.file = file;
        this.entry = entry;
        this.reason = reason;
    }

    public String file() { return file; }

    public String entry() { return entry; }

    public String reason() { return reason; }
}
