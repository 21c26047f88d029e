-- SHARED by PostgreSQL (a view) and Snowflake (a dynamic table): ${create_presentation} is the only difference.
-- Per canonical topic partition, the highest offset the presentation layer was built from, and how many distinct
-- records that is. On Snowflake it refreshes with the star schema (same data timestamp), so `warehouse check`
-- reconciles the facts with exactly the topic records they were built from, whatever the landing lag.
${create_presentation} presentation.load_watermark ${presentation_refresh} AS
SELECT kafka_topic, kafka_partition, MAX(kafka_offset) AS max_offset, COUNT(*) AS records
FROM (SELECT kafka_topic, kafka_partition, kafka_offset FROM staging.customer_version
      UNION ALL SELECT kafka_topic, kafka_partition, kafka_offset FROM staging.performance_version
      UNION ALL SELECT kafka_topic, kafka_partition, kafka_offset FROM staging.order_version
      UNION ALL SELECT kafka_topic, kafka_partition, kafka_offset FROM staging.ticket_sale) landed
GROUP BY kafka_topic, kafka_partition;
