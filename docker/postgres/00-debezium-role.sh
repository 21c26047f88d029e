#!/bin/bash
# PostgreSQL 15 as the Aurora PostgreSQL stand-in: Debezium's role. Runs once from /docker-entrypoint-initdb.d,
# before 01-aurora-catalog.sql (the catalogue schema, mounted from stand-ins: the one copy the local stack and
# the tests use too). The role's password comes from a docker secret file, read by psql itself (\set with
# backticks) so it is on no command line.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'SQL'
\set cdc_password `cat /run/secrets/aurora_cdc_password`
CREATE ROLE debezium_cdc WITH LOGIN REPLICATION PASSWORD :'cdc_password';
GRANT CREATE ON DATABASE catalog TO debezium_cdc;
SQL
