-- Landing on the PostgreSQL stand-in: exactly the rows the local landing connector writes (connectors/base/
-- warehouse-landing.json: Debezium JDBC sink, insert mode, one row per Kafka record). Created here, before the
-- connector starts, so the staging views exist from the first apply; the connector's schema.evolution=basic adds a
-- column should a later canonical schema version bring one.
--   record_key, record_deleted           the record key as text, and true for a tombstone (LandingRow transform)
--   kafka_topic/partition/offset/timestamp  the record's coordinates (Kafka's InsertField transform)
--   the canonical fields                 top-level fields as typed columns; nested records and arrays as JSON text
-- Types are the ones the JDBC sink writes for the Connect schema CanonicalAvroConverter gives (timestamps in UTC).
CREATE SCHEMA IF NOT EXISTS canonical;

CREATE TABLE IF NOT EXISTS canonical.customer (
  record_key text, record_deleted boolean,
  kafka_topic text, kafka_partition integer, kafka_offset bigint, kafka_timestamp timestamp,
  customer_ref text, email text, phone text, first_name text, last_name text, date_of_birth date,
  country text, city text, email_opt_in boolean, sms_opt_in boolean, favourite_genres text,
  loyalty_tier text, loyalty_points bigint, created_at timestamp, updated_at timestamp, commit_ts timestamp
);

CREATE TABLE IF NOT EXISTS canonical.performance (
  record_key text, record_deleted boolean,
  kafka_topic text, kafka_partition integer, kafka_offset bigint, kafka_timestamp timestamp,
  performance_id bigint, attraction_id bigint, venue_id bigint, starts_at timestamp, on_sale_at timestamp,
  status text, attraction text, venue text, commit_ts timestamp
);

CREATE TABLE IF NOT EXISTS canonical.orders (
  record_key text, record_deleted boolean,
  kafka_topic text, kafka_partition integer, kafka_offset bigint, kafka_timestamp timestamp,
  order_id bigint, customer_ref text, performance_id bigint, status text, channel text, currency text,
  total_amount numeric(12,2), created_at timestamp, updated_at timestamp, tickets text, ticket_count integer,
  payment text, commit_ts timestamp
);

CREATE TABLE IF NOT EXISTS canonical.ticket_sale (
  record_key text, record_deleted boolean,
  kafka_topic text, kafka_partition integer, kafka_offset bigint, kafka_timestamp timestamp,
  sale_id text, type text, order_id bigint, occurred_at timestamp, customer_ref text, customer_known boolean,
  customer text, performance_id bigint, performance_known boolean, performance text, ticket_count integer,
  gross_amount numeric(12,2), currency text, channel text
);

CREATE TABLE IF NOT EXISTS canonical.customer_change (
  record_key text, record_deleted boolean,
  kafka_topic text, kafka_partition integer, kafka_offset bigint, kafka_timestamp timestamp,
  customer_ref text, first_seen boolean, changed_fields text, email text, phone text, first_name text,
  last_name text, date_of_birth date, country text, city text, email_opt_in boolean, sms_opt_in boolean,
  favourite_genres text, loyalty_tier text, loyalty_points bigint, commit_ts timestamp
);

-- Staging deduplicates by these coordinates (the connector is at-least-once).
CREATE INDEX IF NOT EXISTS customer_coordinates ON canonical.customer (kafka_topic, kafka_partition, kafka_offset);
CREATE INDEX IF NOT EXISTS performance_coordinates ON canonical.performance (kafka_topic, kafka_partition, kafka_offset);
CREATE INDEX IF NOT EXISTS orders_coordinates ON canonical.orders (kafka_topic, kafka_partition, kafka_offset);
CREATE INDEX IF NOT EXISTS ticket_sale_coordinates ON canonical.ticket_sale (kafka_topic, kafka_partition, kafka_offset);
CREATE INDEX IF NOT EXISTS customer_change_coordinates ON canonical.customer_change (kafka_topic, kafka_partition, kafka_offset);
