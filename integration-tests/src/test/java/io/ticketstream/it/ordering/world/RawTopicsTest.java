package io.ticketstream.it.ordering.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.ticketstream.streams.config.AppConfig;

class RawTopicsTest {

    @Test
    void theWorldIsWrittenToTheTopicsTheAppReadsByDefault() {
        assertEquals(Set.copyOf(AppConfig.RAW_TOPIC_DEFAULTS.values()), Set.copyOf(RawTopics.CHANGE_TOPICS));
    }
}
