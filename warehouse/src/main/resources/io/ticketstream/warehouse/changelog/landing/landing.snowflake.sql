-- Snowflake-only, checked statically (no Snowflake account exists where this project is built).
-- Landing: the tables the Snowflake connector (connectors/base/snowflake-canonical.json: Snowpipe Streaming,
-- snowflake.enable.schematization=true, behavior.on.null.values=DEFAULT) writes into. Created ahead of the
-- connector so the staging dynamic tables can be defined before the first record; if the connector created them
-- first, IF NOT EXISTS leaves them as they are. Shape with schematization: RECORD_METADATA VARIANT (topic,
-- partition, offset, CreateTime, key, headers) plus one column per top-level field, typed as connector 2.5.0 maps
-- Connect types: string/enum VARCHAR, int INT, long BIGINT, boolean BOOLEAN, Connect Date DATE, Timestamp
-- TIMESTAMP(6), Decimal VARCHAR (sic), array ARRAY, struct VARIANT. A tombstone lands as a row whose field columns
-- are all NULL (RECORD_METADATA:key holds the key). ENABLE_SCHEMA_EVOLUTION lets the connector add a column when a
-- canonical schema version adds a field; the ingest role must own the tables for that (see roles.snowflake.sql).
CREATE SCHEMA IF NOT EXISTS canonical;

CREATE TABLE IF NOT EXISTS canonical.customer (
  record_metadata VARIANT,
  customer_ref VARCHAR, email VARCHAR, phone VARCHAR, first_name VARCHAR, last_name VARCHAR, date_of_birth DATE,
  country VARCHAR, city VARCHAR, email_opt_in BOOLEAN, sms_opt_in BOOLEAN, favourite_genres ARRAY,
  loyalty_tier VARCHAR, loyalty_points BIGINT, created_at TIMESTAMP(6), updated_at TIMESTAMP(6), commit_ts TIMESTAMP(6)
) ENABLE_SCHEMA_EVOLUTION = TRUE CHANGE_TRACKING = TRUE;

CREATE TABLE IF NOT EXISTS canonical.performance (
  record_metadata VARIANT,
  performance_id BIGINT, attraction_id BIGINT, venue_id BIGINT, starts_at TIMESTAMP(6), on_sale_at TIMESTAMP(6),
  status VARCHAR, attraction VARIANT, venue VARIANT, commit_ts TIMESTAMP(6)
) ENABLE_SCHEMA_EVOLUTION = TRUE CHANGE_TRACKING = TRUE;

CREATE TABLE IF NOT EXISTS canonical.orders (
  record_metadata VARIANT,
  order_id BIGINT, customer_ref VARCHAR, performance_id BIGINT, status VARCHAR, channel VARCHAR, currency VARCHAR,
  total_amount VARCHAR, created_at TIMESTAMP(6), updated_at TIMESTAMP(6), tickets ARRAY, ticket_count INT,
  payment VARIANT, commit_ts TIMESTAMP(6)
) ENABLE_SCHEMA_EVOLUTION = TRUE CHANGE_TRACKING = TRUE;

CREATE TABLE IF NOT EXISTS canonical.ticket_sale (
  record_metadata VARIANT,
  sale_id VARCHAR, type VARCHAR, order_id BIGINT, occurred_at TIMESTAMP(6), customer_ref VARCHAR,
  customer_known BOOLEAN, customer VARIANT, performance_id BIGINT, performance_known BOOLEAN, performance VARIANT,
  ticket_count INT, gross_amount VARCHAR, currency VARCHAR, channel VARCHAR
) ENABLE_SCHEMA_EVOLUTION = TRUE CHANGE_TRACKING = TRUE;

CREATE TABLE IF NOT EXISTS canonical.customer_change (
  record_metadata VARIANT,
  customer_ref VARCHAR, first_seen BOOLEAN, changed_fields ARRAY, email VARCHAR, phone VARCHAR, first_name VARCHAR,
  last_name VARCHAR, date_of_birth DATE, country VARCHAR, city VARCHAR, email_opt_in BOOLEAN, sms_opt_in BOOLEAN,
  favourite_genres ARRAY, loyalty_tier VARCHAR, loyalty_points BIGINT, commit_ts TIMESTAMP(6)
) ENABLE_SCHEMA_EVOLUTION = TRUE CHANGE_TRACKING = TRUE;
