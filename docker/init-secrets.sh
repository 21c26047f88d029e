#!/usr/bin/env bash
# Writes random, local-only secrets for docker-compose.yml into a folder (default docker/secrets), once:
# existing files are kept, so re-running never changes a password a volume was initialised with.
# Usage: docker/init-secrets.sh [DIR]
set -euo pipefail
DIR="${1:-${TICKETSTREAM_SECRETS_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/secrets}}"
mkdir -p "$DIR"
umask 077

random() { # 24 alphanumerics from the kernel's CSPRNG
  head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24
}
write_once() { # file content
  if [ ! -s "$DIR/$1" ]; then printf '%s\n' "$2" > "$DIR/$1"; echo "init-secrets: wrote $DIR/$1"; fi
}

write_once postgres_password "$(random)"
write_once aurora_cdc_password "$(random)"
write_once grafana_admin_password "$(random)"
# SQL Server's policy wants upper, lower, digit and symbol: the fixed suffix guarantees all four.
write_once sqlserver.env "MSSQL_SA_PASSWORD=$(random)Aa1!
SQLSERVER_CDC_PASSWORD=$(random)Aa1!"
BRAZE_KEY="$(random)"
if [ ! -s "$DIR/braze.env" ]; then write_once braze.env "BRAZE_API_KEY=$BRAZE_KEY"; fi
BRAZE_KEY="$(sed -n 's/^BRAZE_API_KEY=//p' "$DIR/braze.env")"
# Every ${env:...} that connectors/ uses with --env docker (integration-tests' ComposeSecretsTest checks it).
# Subscription group ids: Braze's are UUIDs; the simulator accepts any. Snowflake: compose has none (env docker
# excludes it); an operator pointing this worker at a real account adds its key here.
write_once connect.env "AURORA_CDC_PASSWORD=$(cat "$DIR/aurora_cdc_password")
SQLSERVER_CDC_PASSWORD=$(sed -n 's/^SQLSERVER_CDC_PASSWORD=//p' "$DIR/sqlserver.env")
MONGODB_CONNECTION_STRING=mongodb://mongo:27017/?replicaSet=rs0
BRAZE_API_KEY=$BRAZE_KEY
BRAZE_EMAIL_SUBSCRIPTION_GROUP_ID=$(cat /proc/sys/kernel/random/uuid)
BRAZE_SMS_SUBSCRIPTION_GROUP_ID=$(cat /proc/sys/kernel/random/uuid)
# SNOWFLAKE_PRIVATE_KEY=<base64 PKCS#8 key> and SNOWFLAKE_PRIVATE_KEY_PASSPHRASE=<passphrase>: only with a Snowflake account"
