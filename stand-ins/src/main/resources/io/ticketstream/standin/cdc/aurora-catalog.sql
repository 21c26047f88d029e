-- STAND-IN for the Aurora PostgreSQL catalogue of DESIGN.md (schema catalog, timestamptz times): the one copy used by
-- the local stack, the tests and docker-compose (mounted into /docker-entrypoint-initdb.d). Idempotent.
CREATE SCHEMA IF NOT EXISTS catalog;
CREATE TABLE IF NOT EXISTS catalog.attractions (
  attraction_id bigint PRIMARY KEY, name text NOT NULL, genre text, promoter text);
CREATE TABLE IF NOT EXISTS catalog.venues (
  venue_id bigint PRIMARY KEY, name text NOT NULL, city text, country text, timezone text, capacity int);
CREATE TABLE IF NOT EXISTS catalog.performances (
  performance_id bigint PRIMARY KEY,
  attraction_id bigint NOT NULL REFERENCES catalog.attractions,
  venue_id bigint NOT NULL REFERENCES catalog.venues,
  starts_at timestamptz, on_sale_at timestamptz,
  status text NOT NULL CHECK (status IN ('ON_SALE', 'SOLD_OUT', 'CANCELLED')));
