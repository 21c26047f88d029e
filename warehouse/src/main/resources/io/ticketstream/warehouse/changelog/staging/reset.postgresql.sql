-- PostgreSQL views cannot change their columns in place: the model changeset drops its views (dependents first) and
-- creates them again, in one transaction. No CASCADE: a view someone built on top of these makes the apply fail
-- loudly instead of disappearing.
DROP VIEW IF EXISTS presentation.load_watermark, presentation.fact_ticket, presentation.fact_ticket_sale,
  presentation.dim_performance, presentation.dim_customer;
DROP VIEW IF EXISTS staging.ticket_sale, staging.order_ticket, staging.order_version, staging.performance_version,
  staging.customer_version;
