-- Runs after 01-aurora-catalog.sql and 02-aurora-catalog-cdc.sql (mounted from stand-ins and connectors/sql):
-- Debezium's publication.autocreate.mode=filtered creates a publication for the listed tables, which PostgreSQL only
-- lets the tables' owner do; and Debezium needs to see the schema.
GRANT USAGE ON SCHEMA catalog TO debezium_cdc;
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'catalog' LOOP
    EXECUTE format('ALTER TABLE catalog.%I OWNER TO debezium_cdc', t.tablename);
  END LOOP;
END $$;
