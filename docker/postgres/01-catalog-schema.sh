#!/bin/bash
# PostgreSQL 15 as the Aurora PostgreSQL stand-in: the catalog schema of DESIGN.md and Debezium's role.
# Runs once from /docker-entrypoint-initdb.d; the role's password comes from a docker secret file, read by
# psql itself (\set with backticks) so it is on no command line.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
\set cdc_password `cat /run/secrets/aurora_cdc_password`
CREATE ROLE debezium_cdc WITH LOGIN REPLICATION PASSWORD :'cdc_password';
CREATE SCHEMA catalog;
CREATE TABLE catalog.attractions (
  attraction_id bigint PRIMARY KEY, name text NOT NULL, genre text, promoter text);
CREATE TABLE catalog.venues (
  venue_id bigint PRIMARY KEY, name text NOT NULL, city text, country text, timezone text, capacity int);
CREATE TABLE catalog.performances (
  performance_id bigint PRIMARY KEY,
  attraction_id bigint NOT NULL REFERENCES catalog.attractions,
  venue_id bigint NOT NULL REFERENCES catalog.venues,
  starts_at timestamptz NOT NULL,
  on_sale_at timestamptz,
  status text NOT NULL CHECK (status IN ('ON_SALE', 'SOLD_OUT', 'CANCELLED')));
GRANT USAGE ON SCHEMA catalog TO debezium_cdc;
GRANT SELECT ON ALL TABLES IN SCHEMA catalog TO debezium_cdc;
GRANT CREATE ON DATABASE catalog TO debezium_cdc;
SQL
