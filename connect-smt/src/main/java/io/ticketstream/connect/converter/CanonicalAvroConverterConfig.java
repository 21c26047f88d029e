package io.ticketstream.connect.converter;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.connect.storage.ConverterConfig;

/** Configuration of {@link CanonicalAvroConverter}; {@code converter.type} comes from Kafka's {@link ConverterConfig}. */
public final class CanonicalAvroConverterConfig extends ConverterConfig {

    public static final String READER_VERSION_CONFIG = "reader.version";
    public static final String READER_VERSION_DEFAULT = ReaderVersion.LATEST.value();
    public static final String READER_VERSION_DOC = "Which published version of the record's schema the Connect value "
            + "is built from. 'latest': every record is resolved into the newest published version of its entity "
            + "(fields an older writer did not know get their Avro defaults), so a sink sees one schema per topic. "
            + "'writer': the record keeps the shape of the version it was written with, so a sink sees every "
            + "version ever produced (Connect schema version = published version).";

    private static final String GROUP = "Canonical Avro";

    private static final ConfigDef CONFIG_DEF = newConfigDef()
            .define(READER_VERSION_CONFIG, Type.STRING, READER_VERSION_DEFAULT,
                    ConfigDef.CaseInsensitiveValidString.in(ReaderVersion.names()), Importance.MEDIUM,
                    READER_VERSION_DOC, GROUP, 1, Width.SHORT, "Reader version");

    public CanonicalAvroConverterConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
    }

    public static ConfigDef configDef() {
        return new ConfigDef(CONFIG_DEF);
    }

    public ReaderVersion readerVersion() {
        return ReaderVersion.parse(getString(READER_VERSION_CONFIG));
    }
}
