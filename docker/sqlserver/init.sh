#!/bin/bash
# One-shot init container (same mssql/server image, for its sqlcmd): waits for the server, then runs init.sql.
# Passwords come from the env file: sqlcmd reads SQLCMDPASSWORD for -U sa, and SQLSERVER_CDC_PASSWORD as a
# scripting variable straight from the environment, so neither appears on a command line.
set -euo pipefail
SQLCMD=/opt/mssql-tools18/bin/sqlcmd
[ -x "$SQLCMD" ] || SQLCMD=/opt/mssql-tools/bin/sqlcmd
export SQLCMDPASSWORD="$MSSQL_SA_PASSWORD"
for i in $(seq 1 60); do
  if "$SQLCMD" -S sqlserver -U sa -C -Q "SELECT 1" >/dev/null 2>&1; then break; fi
  echo "sqlserver-init: waiting for SQL Server ($i)"; sleep 2
done
"$SQLCMD" -S sqlserver -U sa -C -b -i /init/init.sql
