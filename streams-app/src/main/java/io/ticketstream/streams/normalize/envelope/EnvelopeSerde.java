package io.ticketstream.streams.normalize.envelope;

import java.io.IOException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Raw topic values: JSON without embedded schema. Bytes that are not JSON fail here, so Kafka Streams'
 * deserialization exception handler dead-letters them before any processor runs. Null stays null
 * (tombstones).
 */
public final class EnvelopeSerde extends Serdes.WrapperSerde<JsonNode> {

    public EnvelopeSerde() {
        super(new JsonSerializer(), new JsonDeserializer());
    }

    public static Serde<JsonNode> instance() {
        return new EnvelopeSerde();
    }

    static final class JsonDeserializer implements Deserializer<JsonNode> {
        @Override
        public JsonNode deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(data);
                if (node == null || node.isMissingNode()) {
                    throw new SerializationException("[NOT_JSON] record value on " + topic + " is empty, expected a JSON envelope");
                }
                return node;
            } catch (JsonProcessingException e) {
                // The parser quotes the offending token ('Unrecognized token 'anne.smith'...'): blank it out, the
                // raw bytes go to the DLQ anyway and messages end up in logs.
                throw new SerializationException("[NOT_JSON] record value on " + topic + " is not JSON ("
                        + data.length + " bytes): " + EnvelopeReader.abbreviate(withoutTokens(e.getOriginalMessage())));
            } catch (IOException e) {
                throw new SerializationException("[NOT_JSON] cannot read record value on " + topic, e);
            }
        }
    }

    static String withoutTokens(String parserMessage) {
        return parserMessage == null ? null : parserMessage.replaceAll("token '[^']*'", "token '…'");
    }

    static final class JsonSerializer implements Serializer<JsonNode> {
        @Override
        public byte[] serialize(String topic, JsonNode data) {
            if (data == null) {
                return null;
            }
            try {
                return Json.MAPPER.writeValueAsBytes(data);
            } catch (JsonProcessingException e) {
                throw new SerializationException("cannot write JSON for " + topic, e);
            }
        }
    }
}
