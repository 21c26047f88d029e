-- Staging on the PostgreSQL stand-in: the landed rows adapted to one relational shape, the same column names and
-- meanings as the Snowflake staging (staging.snowflake.sql), so the presentation SQL is shared. Per landing table:
--   * one row per Kafka record: duplicates of a record (same topic, partition, offset; the connector is
--     at-least-once) are dropped;
--   * is_deleted marks a tombstone (a deleted customer, performance or order);
--   * change_ts is the commit time in the source database (commit_ts), the tombstone's record timestamp otherwise
--     (the streams app stamps every canonical record with its commit time);
--   * nested records are unpacked into columns, arrays stay JSON (order_ticket explodes Order.tickets).
-- JSON times are epoch milliseconds (Kafka's JsonConverter, as LandingRow writes them).

CREATE VIEW staging.customer_version AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       COALESCE(customer_ref, record_key) AS customer_ref,
       COALESCE(record_deleted, FALSE) AS is_deleted,
       COALESCE(commit_ts, kafka_timestamp) AS change_ts,
       email, phone, first_name, last_name, date_of_birth, country, city, email_opt_in, sms_opt_in,
       CAST(favourite_genres AS jsonb) AS favourite_genres, loyalty_tier, loyalty_points, created_at, updated_at
FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY kafka_topic, kafka_partition, kafka_offset ORDER BY kafka_offset) AS landed_copy
      FROM canonical.customer l) l
WHERE landed_copy = 1;

CREATE VIEW staging.performance_version AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       COALESCE(performance_id, CAST(record_key AS bigint)) AS performance_id,
       COALESCE(record_deleted, FALSE) AS is_deleted,
       COALESCE(commit_ts, kafka_timestamp) AS change_ts,
       attraction_id, venue_id, starts_at, on_sale_at, status,
       CAST(attraction AS jsonb) ->> 'name' AS attraction_name,
       CAST(attraction AS jsonb) ->> 'genre' AS genre,
       CAST(attraction AS jsonb) ->> 'promoter' AS promoter,
       CAST(venue AS jsonb) ->> 'name' AS venue_name,
       CAST(venue AS jsonb) ->> 'city' AS venue_city,
       CAST(venue AS jsonb) ->> 'country' AS venue_country,
       CAST(venue AS jsonb) ->> 'timezone' AS venue_timezone,
       CAST(CAST(venue AS jsonb) ->> 'capacity' AS integer) AS venue_capacity
FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY kafka_topic, kafka_partition, kafka_offset ORDER BY kafka_offset) AS landed_copy
      FROM canonical.performance l) l
WHERE landed_copy = 1;

CREATE VIEW staging.order_version AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       COALESCE(order_id, CAST(record_key AS bigint)) AS order_id,
       COALESCE(record_deleted, FALSE) AS is_deleted,
       COALESCE(commit_ts, kafka_timestamp) AS change_ts,
       customer_ref, performance_id, status, channel, currency, total_amount, ticket_count,
       CAST(payment AS jsonb) ->> 'status' AS payment_status,
       created_at, updated_at, CAST(tickets AS jsonb) AS tickets
FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY kafka_topic, kafka_partition, kafka_offset ORDER BY kafka_offset) AS landed_copy
      FROM canonical.orders l) l
WHERE landed_copy = 1;

-- One row per element of Order.tickets of every order version, keyed by the version's coordinates.
CREATE VIEW staging.order_ticket AS
SELECT o.kafka_topic, o.kafka_partition, o.kafka_offset, o.order_id,
       CAST(t.ticket ->> 'ticket_id' AS bigint) AS ticket_id,
       CAST(t.ticket ->> 'performance_id' AS bigint) AS performance_id,
       t.ticket ->> 'section' AS section,
       t.ticket ->> 'row_label' AS row_label,
       CAST(t.ticket ->> 'seat_number' AS integer) AS seat_number,
       t.ticket ->> 'price_type' AS price_type,
       CAST(t.ticket ->> 'price' AS numeric(10,2)) AS price,
       t.ticket ->> 'status' AS ticket_status
FROM staging.order_version o
CROSS JOIN LATERAL jsonb_array_elements(COALESCE(o.tickets, '[]'::jsonb)) AS t(ticket);

CREATE VIEW staging.ticket_sale AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       sale_id, type AS sale_type, order_id, occurred_at,
       customer_ref, customer_known,
       CAST(customer AS jsonb) ->> 'email' AS customer_email,
       CAST(customer AS jsonb) ->> 'first_name' AS customer_first_name,
       CAST(customer AS jsonb) ->> 'last_name' AS customer_last_name,
       CAST(customer AS jsonb) ->> 'country' AS customer_country,
       CAST(customer AS jsonb) ->> 'city' AS customer_city,
       CAST(customer AS jsonb) ->> 'loyalty_tier' AS customer_loyalty_tier,
       performance_id, performance_known,
       to_timestamp(CAST(CAST(performance AS jsonb) ->> 'starts_at' AS bigint) / 1000.0) AT TIME ZONE 'UTC' AS performance_starts_at,
       CAST(CAST(performance AS jsonb) ->> 'attraction_id' AS bigint) AS performance_attraction_id,
       CAST(performance AS jsonb) ->> 'attraction_name' AS performance_attraction_name,
       CAST(performance AS jsonb) ->> 'genre' AS performance_genre,
       CAST(CAST(performance AS jsonb) ->> 'venue_id' AS bigint) AS performance_venue_id,
       CAST(performance AS jsonb) ->> 'venue_name' AS performance_venue_name,
       CAST(performance AS jsonb) ->> 'venue_city' AS performance_venue_city,
       CAST(performance AS jsonb) ->> 'venue_country' AS performance_venue_country,
       ticket_count, gross_amount, currency, channel
FROM (SELECT l.*, ROW_NUMBER() OVER (PARTITION BY kafka_topic, kafka_partition, kafka_offset ORDER BY kafka_offset) AS landed_copy
      FROM canonical.ticket_sale l) l
WHERE landed_copy = 1 AND NOT COALESCE(record_deleted, FALSE);
