-- SHARED by PostgreSQL (a view) and Snowflake (a dynamic table): ${create_presentation} is the only difference.
-- One row per ticket of a paid order: the ISSUED tickets in Order.tickets of each order whose latest version is
-- PAID (a cancelled, refunded or deleted order has no tickets here). paid_at is the commit time of the order's first
-- PAID version; the customer and performance are the versions valid then (the key's first version when the payment
-- precedes it; -1 while none has landed).
${create_presentation} presentation.fact_ticket ${presentation_refresh} AS
WITH ranked AS (
  SELECT o.*, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY change_ts DESC, kafka_partition DESC, kafka_offset DESC) AS recency
  FROM staging.order_version o
),
first_paid AS (
  SELECT order_id, MIN(change_ts) AS paid_at
  FROM staging.order_version
  WHERE status = 'PAID' AND NOT is_deleted
  GROUP BY order_id
),
paid_order AS (
  SELECT r.*, f.paid_at
  FROM ranked r
  JOIN first_paid f ON f.order_id = r.order_id
  WHERE r.recency = 1 AND NOT r.is_deleted AND r.status = 'PAID'
)
SELECT t.ticket_id, o.order_id, o.paid_at,
       COALESCE(d.date_key, -1) AS date_key,
       COALESCE(c.customer_key, CAST(-1 AS BIGINT)) AS customer_key,
       COALESCE(p.performance_key, CAST(-1 AS BIGINT)) AS performance_key,
       o.customer_ref, t.performance_id,
       t.section, t.row_label, t.seat_number, t.price_type, t.price,
       o.currency, o.channel
FROM paid_order o
JOIN staging.order_ticket t
  ON t.kafka_topic = o.kafka_topic AND t.kafka_partition = o.kafka_partition AND t.kafka_offset = o.kafka_offset
LEFT JOIN presentation.dim_date d
       ON d.calendar_date = CAST(o.paid_at AS DATE)
LEFT JOIN presentation.dim_customer c
       ON c.customer_key <> -1 AND c.customer_ref = o.customer_ref
      AND o.paid_at < c.valid_to AND (o.paid_at >= c.valid_from OR c.version_number = 1)
LEFT JOIN presentation.dim_performance p
       ON p.performance_key <> -1 AND p.performance_id = t.performance_id
      AND o.paid_at < p.valid_to AND (o.paid_at >= p.valid_from OR p.version_number = 1)
WHERE t.ticket_status = 'ISSUED';
