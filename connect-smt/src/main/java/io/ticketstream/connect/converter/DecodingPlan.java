package io.ticketstream.connect.converter;

import java.io.IOException;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

import io.ticketstream.schemas.catalog.PublishedSchema;
import io.ticketstream.schemas.catalog.SchemaCatalog;

/**
 * Everything needed to turn the payloads of one writer fingerprint into Connect values, built once per
 * fingerprint: the writer and reader versions, Avro's decoder and the Connect schema.
 */
final class DecodingPlan {

    private final PublishedSchema writer;
    private final PublishedSchema reader;
    private final BinaryMessageDecoder<GenericRecord> decoder;
    private final Schema connectSchema;

    DecodingPlan(PublishedSchema writer, PublishedSchema reader, SchemaCatalog catalog) {
        this.writer = writer;
        this.reader = reader;
        // Plain GenericData: logical types stay raw (bytes, long, int) and AvroToConnect maps them to
        // Connect's logical types in one place.
        this.decoder = new BinaryMessageDecoder<>(GenericData.get(), reader.schema(), catalog);
        this.connectSchema = AvroToConnect.schemaOf(reader.schema(), reader.version());
    }

    PublishedSchema writer() {
        return writer;
    }

    PublishedSchema reader() {
        return reader;
    }

    Schema connectSchema() {
        return connectSchema;
    }

    Struct decode(byte[] payload) throws IOException {
        return AvroToConnect.valueOf(decoder.decode(payload), connectSchema);
    }
}
