package io.ticketstream.standin.cdc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The DDL of the Aurora catalogue STAND-IN ({@code aurora-catalog.sql} beside this class): schema {@code catalog} with
 * attractions, venues and performances. Idempotent, so running it on an existing database changes nothing.
 */
public final class AuroraCatalog {

    static final String RESOURCE = "aurora-catalog.sql";

    private AuroraCatalog() {
    }

    public static String ddl() {
        try (InputStream in = AuroraCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing beside " + AuroraCatalog.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
