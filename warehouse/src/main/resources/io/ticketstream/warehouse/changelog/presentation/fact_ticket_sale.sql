-- SHARED by PostgreSQL (a view) and Snowflake (a dynamic table): ${create_presentation} is the only difference.
-- One row per TicketSale fact (SALE or REVERSAL), once per sale_id (the fact's natural dedup key), with the
-- dimension versions valid at occurred_at. The fact's own as-of flags decide: customer_known/performance_known
-- false -> the unknown member (-1), whatever the dimension holds now; true -> the version valid at occurred_at, or
-- the key's first version when the sale's commit precedes it (clocks of two source databases), or -1 while that
-- dimension version has not landed yet (warehouse check reports those).
${create_presentation} presentation.fact_ticket_sale ${presentation_refresh} AS
WITH sale AS (
  SELECT s.*, ROW_NUMBER() OVER (PARTITION BY sale_id ORDER BY kafka_partition, kafka_offset) AS occurrence
  FROM staging.ticket_sale s
)
SELECT s.sale_id, s.sale_type, s.order_id, s.occurred_at,
       COALESCE(d.date_key, -1) AS date_key,
       COALESCE(c.customer_key, CAST(-1 AS BIGINT)) AS customer_key,
       COALESCE(p.performance_key, CAST(-1 AS BIGINT)) AS performance_key,
       s.customer_ref, s.performance_id, s.customer_known, s.performance_known,
       s.ticket_count, s.gross_amount,
       CASE WHEN s.sale_type = 'REVERSAL' THEN -s.ticket_count ELSE s.ticket_count END AS signed_ticket_count,
       CASE WHEN s.sale_type = 'REVERSAL' THEN -s.gross_amount ELSE s.gross_amount END AS signed_gross_amount,
       s.currency, s.channel
FROM sale s
LEFT JOIN presentation.dim_date d
       ON d.calendar_date = CAST(s.occurred_at AS DATE)
LEFT JOIN presentation.dim_customer c
       ON s.customer_known AND c.customer_key <> -1 AND c.customer_ref = s.customer_ref
      AND s.occurred_at < c.valid_to AND (s.occurred_at >= c.valid_from OR c.version_number = 1)
LEFT JOIN presentation.dim_performance p
       ON s.performance_known AND p.performance_key <> -1 AND p.performance_id = s.performance_id
      AND s.occurred_at < p.valid_to AND (s.occurred_at >= p.valid_from OR p.version_number = 1)
WHERE s.occurrence = 1;
