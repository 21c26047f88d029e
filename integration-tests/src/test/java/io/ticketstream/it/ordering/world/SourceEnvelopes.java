package io.ticketstream.it.ordering.world;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.ticketstream.standin.cdc.AuroraEnvelopes;
import io.ticketstream.standin.cdc.MongoEnvelopes;
import io.ticketstream.standin.cdc.SqlServerEnvelopes;

/** The envelope builders of the three sources, with the topic prefixes of the shipped connector JSON. */
public final class SourceEnvelopes {

    static final ObjectMapper JSON = new ObjectMapper();

    final SqlServerEnvelopes sqlServer = new SqlServerEnvelopes(JSON, "sqlserver");
    final MongoEnvelopes mongo = new MongoEnvelopes(JSON, "mongo");
    final AuroraEnvelopes aurora = new AuroraEnvelopes(JSON, "aurora");
}
