#!/bin/bash
# One-shot: creates the raw CDC, canonical and DLQ topics (auto-creation is off, as in production).
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP:-kafka:19092}"
PARTITIONS="${PARTITIONS:-3}"
TOPICS_BIN=/opt/kafka/bin/kafka-topics.sh

until "$TOPICS_BIN" --bootstrap-server "$BOOTSTRAP" --list >/dev/null 2>&1; do
  echo "create-topics: waiting for $BOOTSTRAP"; sleep 2
done

create() { # name [extra --config args...]
  local name="$1"; shift
  "$TOPICS_BIN" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$name" \
    --partitions "$PARTITIONS" --replication-factor 1 "$@"
  echo "create-topics: $name"
}

# Raw CDC topics: never compacted, kept for ever (io.ticketstream.schemas.catalog.TopicSettings.RAW). Tickets and
# payments are keyed by order_id (Debezium message.key.columns) so that an order's rows share a partition number:
# compaction would keep one row per order. The three SQL Server topics MUST have the same partition count.
for t in sqlserver.ticketing.dbo.orders sqlserver.ticketing.dbo.tickets sqlserver.ticketing.dbo.payments \
         mongo.crm.customers aurora.catalog.attractions aurora.catalog.venues aurora.catalog.performances; do
  create "$t" --config cleanup.policy=delete --config retention.ms=-1
done
# Canonical entities are keyed state: compacted. Every canonical topic is stamped when written (LogAppendTime):
# the commit time is in the payload, and replayed old CDC must not look expired to time-based retention.
for t in ticketing.customer.v1 ticketing.performance.v1 ticketing.order.v1; do
  create "$t" --config cleanup.policy=compact --config message.timestamp.type=LogAppendTime
done
# Facts, deltas and dead letters are append-only; their retention counts from when they were written.
for t in ticketing.ticket-sale.v1 ticketing.customer-change.v1 ticketing.streams.dlq ticketing.braze.dlq \
         ticketing.snowflake.dlq; do
  create "$t" --config cleanup.policy=delete --config message.timestamp.type=LogAppendTime
done
# Debezium's Kafka signal channel (signal.kafka.topic of connectors/base): one partition, as Debezium requires;
# it does not create the topic, and warns every poll while it is missing.
for t in sqlserver.signals mongo.signals aurora.signals; do
  PARTITIONS=1 create "$t"
done
