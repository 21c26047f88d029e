package io.ticketstream.local.traffic;

import io.ticketstream.standin.cdc.RawEvent;

/** Where simulated change events go: a Kafka producer in the local stack, a list in tests. */
@FunctionalInterface
public interface RawEventSink {
    void send(RawEvent event);
}
