-- One-off setup of the Aurora catalogue database for Debezium (run by a DBA; the capture program and the
-- local stack run it too). Tables are in schema catalog, so table.include.list can name them.
-- Signal table: Debezium reads ad-hoc signals (execute-snapshot = incremental re-sync/backfill) from it and
-- writes its incremental-snapshot watermarks into it.
CREATE TABLE IF NOT EXISTS catalog.debezium_signal (
  id varchar(42) PRIMARY KEY, type varchar(32) NOT NULL, data varchar(2048));
-- Heartbeat table: heartbeat.action.query updates it every heartbeat.interval.ms so the replication slot keeps
-- advancing while the catalogue tables are quiet and other databases on the cluster write WAL.
CREATE TABLE IF NOT EXISTS catalog.debezium_heartbeat (id int PRIMARY KEY, beat_at timestamptz NOT NULL);
