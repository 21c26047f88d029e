-- SQL Server stand-in for the ticketing database: the schema of DESIGN.md, CDC enabled on the captured tables,
-- and a least-privilege login for Debezium. Run once by the sqlserver-init container (sqlcmd takes the
-- password from the environment variable SQLSERVER_CDC_PASSWORD as scripting variable, never from a flag).
IF DB_ID('ticketing') IS NULL CREATE DATABASE ticketing;
GO
USE ticketing;
GO
IF OBJECT_ID('dbo.orders') IS NULL
CREATE TABLE dbo.orders (
  order_id bigint NOT NULL PRIMARY KEY,
  customer_ref nvarchar(64) NOT NULL,
  performance_id bigint NOT NULL,
  status nvarchar(16) NOT NULL,        -- PENDING|PAID|CANCELLED|REFUNDED
  channel nvarchar(16) NOT NULL,       -- WEB|APP|BOX_OFFICE
  currency char(3) NOT NULL,
  total_amount decimal(12,2) NOT NULL,
  created_at datetime2 NOT NULL,
  updated_at datetime2 NOT NULL);
IF OBJECT_ID('dbo.tickets') IS NULL
CREATE TABLE dbo.tickets (
  ticket_id bigint NOT NULL PRIMARY KEY,
  order_id bigint NOT NULL,
  performance_id bigint NOT NULL,
  section nvarchar(16), row_label nvarchar(8), seat_number int,
  price_type nvarchar(16) NOT NULL,    -- ADULT|CHILD|CONCESSION
  price decimal(10,2) NOT NULL,
  status nvarchar(8) NOT NULL);        -- ISSUED|VOID
IF OBJECT_ID('dbo.payments') IS NULL
CREATE TABLE dbo.payments (
  payment_id bigint NOT NULL PRIMARY KEY,
  order_id bigint NOT NULL,
  amount decimal(12,2) NOT NULL,
  method nvarchar(16) NOT NULL,
  status nvarchar(16) NOT NULL,        -- AUTHORISED|CAPTURED|DECLINED|REFUNDED
  processed_at datetime2 NOT NULL);
-- Debezium signalling table (ad-hoc incremental snapshots for backfills).
IF OBJECT_ID('dbo.debezium_signal') IS NULL
CREATE TABLE dbo.debezium_signal (id varchar(42) NOT NULL PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048));
GO

-- CDC needs SQL Server Agent (MSSQL_AGENT_ENABLED=true in docker-compose.yml).
IF (SELECT is_cdc_enabled FROM sys.databases WHERE name = 'ticketing') = 0
  EXEC sys.sp_cdc_enable_db;
GO
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = 'cdc_reader')
  CREATE ROLE cdc_reader;
GO
DECLARE @t sysname;
DECLARE tables CURSOR FOR SELECT name FROM (VALUES ('orders'), ('tickets'), ('payments'), ('debezium_signal')) v(name);
OPEN tables;
FETCH NEXT FROM tables INTO @t;
WHILE @@FETCH_STATUS = 0
BEGIN
  IF NOT EXISTS (SELECT 1 FROM cdc.change_tables ct JOIN sys.tables st ON ct.source_object_id = st.object_id WHERE st.name = @t)
    EXEC sys.sp_cdc_enable_table @source_schema = N'dbo', @source_name = @t, @role_name = N'cdc_reader', @supports_net_changes = 0;
  FETCH NEXT FROM tables INTO @t;
END
CLOSE tables;
DEALLOCATE tables;
GO

-- Debezium's login: reads the captured tables and the CDC change tables, writes only the signal table.
USE master;
GO
IF SUSER_ID('debezium_cdc') IS NULL
  CREATE LOGIN debezium_cdc WITH PASSWORD = '$(SQLSERVER_CDC_PASSWORD)', CHECK_POLICY = ON;
GO
USE ticketing;
GO
IF USER_ID('debezium_cdc') IS NULL
  CREATE USER debezium_cdc FOR LOGIN debezium_cdc;
ALTER ROLE cdc_reader ADD MEMBER debezium_cdc;
ALTER ROLE db_datareader ADD MEMBER debezium_cdc;
GRANT VIEW DATABASE STATE TO debezium_cdc;
GRANT INSERT, UPDATE, DELETE ON dbo.debezium_signal TO debezium_cdc;
GO
USE master;
GO
GRANT VIEW SERVER STATE TO debezium_cdc;
GO
PRINT 'ticketing: CDC enabled on dbo.orders, dbo.tickets, dbo.payments, dbo.debezium_signal';
GO
