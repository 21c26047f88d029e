package io.ticketstream.connect.braze.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.ticketstream.connect.braze.record.ConnectJson;

/** The one ObjectMapper of the connector: exact decimals, written plain (42.50, not 4.250E+1). */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(ConnectJson.NODES)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }
}
