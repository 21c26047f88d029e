-- SHARED by PostgreSQL (a view) and Snowflake (a dynamic table): ${create_presentation} is the only difference.
-- SCD type 2 over every Performance version (the performance with its attraction and venue as the streams app joined
-- them): valid from its commit time until the next version or the delete that closes it. performance_key is the
-- version's Kafka coordinates (partition * 2^40 + offset); -1 is the unknown member.
${create_presentation} presentation.dim_performance ${presentation_refresh} AS
WITH history AS (
  SELECT v.*,
         LEAD(change_ts) OVER (PARTITION BY performance_id ORDER BY change_ts, kafka_partition, kafka_offset) AS next_change_ts,
         ROW_NUMBER() OVER (PARTITION BY performance_id ORDER BY change_ts, kafka_partition, kafka_offset) AS version_number
  FROM staging.performance_version v
)
SELECT CAST(kafka_partition AS BIGINT) * 1099511627776 + kafka_offset AS performance_key,
       performance_id, version_number,
       starts_at, on_sale_at, status,
       attraction_id, attraction_name, genre, promoter,
       venue_id, venue_name, venue_city, venue_country, venue_timezone, venue_capacity,
       change_ts AS valid_from,
       COALESCE(next_change_ts, CAST('9999-12-31 00:00:00' AS TIMESTAMP)) AS valid_to,
       CASE WHEN next_change_ts IS NULL THEN TRUE ELSE FALSE END AS is_current
FROM history
WHERE NOT is_deleted
UNION ALL
SELECT CAST(-1 AS BIGINT), CAST(-1 AS BIGINT), 0,
       NULL, NULL, 'UNKNOWN',
       NULL, 'UNKNOWN', NULL, NULL,
       NULL, 'UNKNOWN', NULL, NULL, NULL, NULL,
       CAST('1900-01-01 00:00:00' AS TIMESTAMP), CAST('9999-12-31 00:00:00' AS TIMESTAMP), FALSE;
