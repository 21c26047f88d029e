-- The Aurora catalogue schema of DESIGN.md (schema catalog, timestamptz times), as the capture program creates it.
CREATE SCHEMA catalog;
CREATE TABLE catalog.attractions (
  attraction_id bigint PRIMARY KEY, name text NOT NULL, genre text, promoter text);
CREATE TABLE catalog.venues (
  venue_id bigint PRIMARY KEY, name text NOT NULL, city text, country text, timezone text, capacity int);
CREATE TABLE catalog.performances (
  performance_id bigint PRIMARY KEY,
  attraction_id bigint NOT NULL REFERENCES catalog.attractions,
  venue_id bigint NOT NULL REFERENCES catalog.venues,
  starts_at timestamptz, on_sale_at timestamptz,
  status text NOT NULL CHECK (status IN ('ON_SALE', 'SOLD_OUT', 'CANCELLED')));
