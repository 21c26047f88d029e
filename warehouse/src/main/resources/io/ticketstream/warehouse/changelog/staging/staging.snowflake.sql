-- Snowflake-only, checked statically. Staging as dynamic tables refreshed with the presentation layer
-- (TARGET_LAG = DOWNSTREAM): the landed rows adapted to the same columns and meanings as the PostgreSQL staging
-- (staging.postgresql.sql), so the presentation SQL is shared. Differences are the landing shape only: Kafka
-- coordinates and the key come from RECORD_METADATA, a tombstone is a row whose field columns are NULL, nested
-- records are VARIANT paths, Decimal fields landed as VARCHAR, nested times are ISO-8601 text or epoch millis.

CREATE OR REPLACE DYNAMIC TABLE staging.customer_version
  TARGET_LAG = DOWNSTREAM WAREHOUSE = ${transform_warehouse}
AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       COALESCE(customer_ref, record_key) AS customer_ref,
       customer_ref IS NULL AS is_deleted,
       COALESCE(commit_ts, kafka_timestamp) AS change_ts,
       email, phone, first_name, last_name, date_of_birth, country, city, email_opt_in, sms_opt_in,
       favourite_genres, loyalty_tier, loyalty_points, created_at, updated_at
FROM (SELECT l.*,
             record_metadata:topic::VARCHAR AS kafka_topic,
             record_metadata:partition::INTEGER AS kafka_partition,
             record_metadata:offset::BIGINT AS kafka_offset,
             TO_TIMESTAMP_NTZ(record_metadata:CreateTime::BIGINT, 3) AS kafka_timestamp,
             record_metadata:key::VARCHAR AS record_key,
             ROW_NUMBER() OVER (PARTITION BY record_metadata:topic, record_metadata:partition, record_metadata:offset
                                ORDER BY record_metadata:offset) AS landed_copy
      FROM canonical.customer l) l
WHERE landed_copy = 1;

CREATE OR REPLACE DYNAMIC TABLE staging.performance_version
  TARGET_LAG = DOWNSTREAM WAREHOUSE = ${transform_warehouse}
AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       COALESCE(performance_id, TRY_TO_NUMBER(record_key)) AS performance_id,
       performance_id IS NULL AS is_deleted,
       COALESCE(commit_ts, kafka_timestamp) AS change_ts,
       attraction_id, venue_id, starts_at, on_sale_at, status,
       attraction:name::VARCHAR AS attraction_name,
       attraction:genre::VARCHAR AS genre,
       attraction:promoter::VARCHAR AS promoter,
       venue:name::VARCHAR AS venue_name,
       venue:city::VARCHAR AS venue_city,
       venue:country::VARCHAR AS venue_country,
       venue:timezone::VARCHAR AS venue_timezone,
       venue:capacity::INTEGER AS venue_capacity
FROM (SELECT l.*,
             record_metadata:topic::VARCHAR AS kafka_topic,
             record_metadata:partition::INTEGER AS kafka_partition,
             record_metadata:offset::BIGINT AS kafka_offset,
             TO_TIMESTAMP_NTZ(record_metadata:CreateTime::BIGINT, 3) AS kafka_timestamp,
             record_metadata:key::VARCHAR AS record_key,
             ROW_NUMBER() OVER (PARTITION BY record_metadata:topic, record_metadata:partition, record_metadata:offset
                                ORDER BY record_metadata:offset) AS landed_copy
      FROM canonical.performance l) l
WHERE landed_copy = 1;

CREATE OR REPLACE DYNAMIC TABLE staging.order_version
  TARGET_LAG = DOWNSTREAM WAREHOUSE = ${transform_warehouse}
AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       COALESCE(order_id, TRY_TO_NUMBER(record_key)) AS order_id,
       order_id IS NULL AS is_deleted,
       COALESCE(commit_ts, kafka_timestamp) AS change_ts,
       customer_ref, performance_id, status, channel, currency,
       TRY_TO_NUMBER(total_amount, 12, 2) AS total_amount, ticket_count,
       payment:status::VARCHAR AS payment_status,
       created_at, updated_at, tickets
FROM (SELECT l.*,
             record_metadata:topic::VARCHAR AS kafka_topic,
             record_metadata:partition::INTEGER AS kafka_partition,
             record_metadata:offset::BIGINT AS kafka_offset,
             TO_TIMESTAMP_NTZ(record_metadata:CreateTime::BIGINT, 3) AS kafka_timestamp,
             record_metadata:key::VARCHAR AS record_key,
             ROW_NUMBER() OVER (PARTITION BY record_metadata:topic, record_metadata:partition, record_metadata:offset
                                ORDER BY record_metadata:offset) AS landed_copy
      FROM canonical.orders l) l
WHERE landed_copy = 1;

CREATE OR REPLACE DYNAMIC TABLE staging.order_ticket
  TARGET_LAG = DOWNSTREAM WAREHOUSE = ${transform_warehouse}
AS
SELECT o.kafka_topic, o.kafka_partition, o.kafka_offset, o.order_id,
       t.value:ticket_id::BIGINT AS ticket_id,
       t.value:performance_id::BIGINT AS performance_id,
       t.value:section::VARCHAR AS section,
       t.value:row_label::VARCHAR AS row_label,
       t.value:seat_number::INTEGER AS seat_number,
       t.value:price_type::VARCHAR AS price_type,
       TRY_TO_NUMBER(t.value:price::VARCHAR, 10, 2) AS price,
       t.value:status::VARCHAR AS ticket_status
FROM staging.order_version o,
     LATERAL FLATTEN(input => o.tickets) t;

CREATE OR REPLACE DYNAMIC TABLE staging.ticket_sale
  TARGET_LAG = DOWNSTREAM WAREHOUSE = ${transform_warehouse}
AS
SELECT kafka_topic, kafka_partition, kafka_offset, kafka_timestamp,
       sale_id, type AS sale_type, order_id, occurred_at,
       customer_ref, customer_known,
       customer:email::VARCHAR AS customer_email,
       customer:first_name::VARCHAR AS customer_first_name,
       customer:last_name::VARCHAR AS customer_last_name,
       customer:country::VARCHAR AS customer_country,
       customer:city::VARCHAR AS customer_city,
       customer:loyalty_tier::VARCHAR AS customer_loyalty_tier,
       performance_id, performance_known,
       CASE WHEN IS_INTEGER(performance:starts_at) THEN TO_TIMESTAMP_NTZ(performance:starts_at::BIGINT, 3)
            ELSE TRY_TO_TIMESTAMP_NTZ(performance:starts_at::VARCHAR) END AS performance_starts_at,
       performance:attraction_id::BIGINT AS performance_attraction_id,
       performance:attraction_name::VARCHAR AS performance_attraction_name,
       performance:genre::VARCHAR AS performance_genre,
       performance:venue_id::BIGINT AS performance_venue_id,
       performance:venue_name::VARCHAR AS performance_venue_name,
       performance:venue_city::VARCHAR AS performance_venue_city,
       performance:venue_country::VARCHAR AS performance_venue_country,
       ticket_count, TRY_TO_NUMBER(gross_amount, 12, 2) AS gross_amount, currency, channel
FROM (SELECT l.*,
             record_metadata:topic::VARCHAR AS kafka_topic,
             record_metadata:partition::INTEGER AS kafka_partition,
             record_metadata:offset::BIGINT AS kafka_offset,
             TO_TIMESTAMP_NTZ(record_metadata:CreateTime::BIGINT, 3) AS kafka_timestamp,
             ROW_NUMBER() OVER (PARTITION BY record_metadata:topic, record_metadata:partition, record_metadata:offset
                                ORDER BY record_metadata:offset) AS landed_copy
      FROM canonical.ticket_sale l) l
WHERE landed_copy = 1 AND sale_id IS NOT NULL;
