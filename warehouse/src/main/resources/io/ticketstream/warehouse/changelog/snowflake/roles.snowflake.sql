-- Snowflake-only, checked statically. Roles and grants the model needs. Run as ${deploy_role}, which owns the
-- staging and presentation schemas and their dynamic tables (so it is the role the refreshes run as) and which an
-- administrator set up once with: USAGE on database ${database} and warehouse ${transform_warehouse}, CREATE SCHEMA
-- on the database, CREATE ROLE on the account, MANAGE GRANTS (see warehouse/README.md).
--   ${ingest_role}    the Snowflake connector's role (snowflake.role.name): writes the landing tables and, with
--                     schema evolution, alters them, which needs ownership of them.
--   ${analyst_role}   analysts and BI tools: read the presentation layer only.
CREATE ROLE IF NOT EXISTS ${analyst_role};
GRANT USAGE ON DATABASE ${database} TO ROLE ${analyst_role};
GRANT USAGE ON SCHEMA presentation TO ROLE ${analyst_role};
GRANT SELECT ON ALL TABLES IN SCHEMA presentation TO ROLE ${analyst_role};
GRANT SELECT ON FUTURE TABLES IN SCHEMA presentation TO ROLE ${analyst_role};
GRANT SELECT ON ALL DYNAMIC TABLES IN SCHEMA presentation TO ROLE ${analyst_role};
GRANT SELECT ON FUTURE DYNAMIC TABLES IN SCHEMA presentation TO ROLE ${analyst_role};

CREATE ROLE IF NOT EXISTS ${ingest_role};
GRANT USAGE ON DATABASE ${database} TO ROLE ${ingest_role};
GRANT USAGE, CREATE TABLE ON SCHEMA canonical TO ROLE ${ingest_role};
-- The deploy role keeps reading what it hands over (COPY CURRENT GRANTS keeps its SELECT).
GRANT SELECT ON ALL TABLES IN SCHEMA canonical TO ROLE ${deploy_role};
GRANT SELECT ON FUTURE TABLES IN SCHEMA canonical TO ROLE ${deploy_role};
GRANT OWNERSHIP ON TABLE canonical.customer TO ROLE ${ingest_role} COPY CURRENT GRANTS;
GRANT OWNERSHIP ON TABLE canonical.performance TO ROLE ${ingest_role} COPY CURRENT GRANTS;
GRANT OWNERSHIP ON TABLE canonical.orders TO ROLE ${ingest_role} COPY CURRENT GRANTS;
GRANT OWNERSHIP ON TABLE canonical.ticket_sale TO ROLE ${ingest_role} COPY CURRENT GRANTS;
GRANT OWNERSHIP ON TABLE canonical.customer_change TO ROLE ${ingest_role} COPY CURRENT GRANTS;
