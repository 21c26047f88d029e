-- Star schema over the tables the JDBC sinks land (the Snowflake stand-in). Created once the tables exist.
-- Nested structs arrive flattened with '_' (Flatten SMT); arrays (Order.tickets, Customer.favourite_genres) are not landed.
CREATE OR REPLACE VIEW dim_customer AS
  SELECT customer_ref, email, first_name, last_name, date_of_birth, country, city,
         email_opt_in, sms_opt_in, loyalty_tier, loyalty_points, created_at, updated_at
  FROM customer;
CREATE OR REPLACE VIEW dim_performance AS
  SELECT performance_id, starts_at, on_sale_at, status,
         attraction_id, attraction_name, attraction_genre, attraction_promoter,
         venue_id, venue_name, venue_city, venue_country, venue_timezone, venue_capacity
  FROM performance;
CREATE OR REPLACE VIEW fact_ticket_sale AS
  SELECT sale_id, type AS sale_type, order_id, occurred_at, customer_ref, performance_id,
         ticket_count, gross_amount, currency, channel, customer_known, performance_known
  FROM ticket_sale;
-- The views are created by the superuser; the warehouse login (psql in the README) reads them.
GRANT SELECT ON dim_customer, dim_performance, fact_ticket_sale TO warehouse;
