-- SHARED by PostgreSQL (a view) and Snowflake (a dynamic table): ${create_presentation} is the only difference.
-- SCD type 2 over every Customer version: one row per version, valid from its commit time until the next version
-- or the delete (tombstone) that closes it; a deleted customer has no current row. customer_key is the version's
-- Kafka coordinates (partition * 2^40 + offset): stable across rebuilds of the same topic, unique per version.
-- Key -1 is the unknown member, for facts whose customer was not known.
${create_presentation} presentation.dim_customer ${presentation_refresh} AS
WITH history AS (
  SELECT v.*,
         LEAD(change_ts) OVER (PARTITION BY customer_ref ORDER BY change_ts, kafka_partition, kafka_offset) AS next_change_ts,
         ROW_NUMBER() OVER (PARTITION BY customer_ref ORDER BY change_ts, kafka_partition, kafka_offset) AS version_number
  FROM staging.customer_version v
)
SELECT CAST(kafka_partition AS BIGINT) * 1099511627776 + kafka_offset AS customer_key,
       customer_ref, version_number,
       email, phone, first_name, last_name, date_of_birth, country, city, email_opt_in, sms_opt_in,
       favourite_genres, loyalty_tier, loyalty_points,
       change_ts AS valid_from,
       COALESCE(next_change_ts, CAST('9999-12-31 00:00:00' AS TIMESTAMP)) AS valid_to,
       CASE WHEN next_change_ts IS NULL THEN TRUE ELSE FALSE END AS is_current
FROM history
WHERE NOT is_deleted
UNION ALL
SELECT CAST(-1 AS BIGINT), 'UNKNOWN', 0,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL,
       CAST('1900-01-01 00:00:00' AS TIMESTAMP), CAST('9999-12-31 00:00:00' AS TIMESTAMP), FALSE;
