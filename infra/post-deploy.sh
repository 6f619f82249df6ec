#!/usr/bin/env bash
# Post-deployment step for PerfPipeline in Azure (docs/deployment.md), run after `az deployment group create`
# by a member of the SQL administrator group who is also the deployment's operator:
#   1. creates the pseudonymisation key in Key Vault if it is absent (never replaces an existing one);
#   2. creates the function app identity's database user and grants it read, write and execute, and, with
#      --refresh-identity, the Power BI refresh identity's user with SELECT on schema pbi and nothing else;
#   3. applies the warehouse migrations with `perfpipeline migrate --sqlserver` (it holds sp_getapplock while it runs).
# Run it after `az deployment group create` and before publishing the app, which checks the schema at start.
# Every step can be rerun safely.
#
# Usage: infra/post-deploy.sh --resource-group RG [--deployment NAME] [--by-sid] [--refresh-identity NAME]
#   --deployment  name of the deployment whose outputs name the resources (default: main)
#   --refresh-identity  Entra display name of the identity Power BI refreshes with (a service principal or
#                 group): it may read the pbi views and nothing else; report readers need no database rights
#   --by-sid      create the database user from the identity's application id instead of looking it up in
#                 Entra ID; use when this runs as a service principal whose SQL server identity cannot read
#                 the directory
# Environment:
#   PERFPIPELINE_PSEUDONYMISATION_KEY  base64 key to store when the vault has none (default: 32 random bytes)
#   PERFPIPELINE_CLI                   command that runs perfpipeline (default: dotnet run on pipelines/PerfPipeline.Cli)
# Needs: az (signed in), sqlcmd (the Go version, for Entra authentication), openssl, and dotnet unless
# PERFPIPELINE_CLI is set.
set -euo pipefail

readonly secret_name="pseudonymisation-key"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly repo_root

resource_group=""
deployment="main"
by_sid=false
refresh_identity=""

usage() {
  # The header comment is the help text.
  sed -n '2,/^set /{/^#/s/^# \{0,1\}//p;}' "${BASH_SOURCE[0]}" >&2
  exit 2
}

fail() {
  echo "post-deploy: $*" >&2
  exit 1
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    -g | --resource-group) resource_group="${2:-}"; shift 2 ;;
    -n | --deployment) deployment="${2:-}"; shift 2 ;;
    --by-sid) by_sid=true; shift ;;
    --refresh-identity) refresh_identity="${2:-}"; shift 2 ;;
    -h | --help) usage ;;
    *) echo "post-deploy: unknown argument $1" >&2; usage ;;
  esac
done
[[ -n "$resource_group" && -n "$deployment" ]] || usage

for tool in az sqlcmd; do
  command -v "$tool" >/dev/null || fail "$tool is not installed"
done

output() {
  az deployment group show --resource-group "$resource_group" --name "$deployment" \
    --query "properties.outputs.$1.value" --output tsv
}

function_app="$(output functionAppName)"
principal_id="$(output functionAppPrincipalId)"
key_vault="$(output keyVaultName)"
sql_server="$(output sqlServerFqdn)"
database="$(output sqlDatabaseName)"
for value in "$function_app" "$principal_id" "$key_vault" "$sql_server" "$database"; do
  [[ -n "$value" ]] || fail "deployment $deployment in $resource_group lacks an expected output"
done
# Names go into T-SQL below, so accept only what Azure allows in them.
[[ "$function_app" =~ ^[A-Za-z0-9-]+$ && "$database" =~ ^[A-Za-z0-9_-]+$ ]] ||
  fail "unexpected function app or database name: $function_app, $database"

echo "== Key Vault $key_vault: secret $secret_name"
if show_error="$(az keyvault secret show --vault-name "$key_vault" --name "$secret_name" --query id --output tsv 2>&1 >/dev/null)"; then
  echo "   present; left as it is (a new key would stop new pseudonyms matching earlier loads)"
elif [[ "$show_error" != *SecretNotFound* ]]; then
  fail "cannot read the secret (is the operator a Key Vault Secrets Officer?): $show_error"
elif az keyvault secret show-deleted --vault-name "$key_vault" --name "$secret_name" --output none 2>/dev/null; then
  fail "the secret was deleted; recover it instead of creating a new key:" \
    "az keyvault secret recover --vault-name $key_vault --name $secret_name"
else
  key="${PERFPIPELINE_PSEUDONYMISATION_KEY:-}"
  if [[ -z "$key" ]]; then
    command -v openssl >/dev/null || fail "openssl is not installed"
    key="$(openssl rand -base64 32)"
  fi
  bytes="$(printf '%s' "$key" | base64 -d 2>/dev/null | wc -c)" || fail "PERFPIPELINE_PSEUDONYMISATION_KEY is not base64"
  ((bytes >= 16)) || fail "the pseudonymisation key must be at least 16 bytes"
  # Through a private file rather than the command line, so the key never shows in the process list.
  key_file="$(umask 077 && mktemp)"
  trap 'rm -f "$key_file"' EXIT
  printf '%s' "$key" >"$key_file"
  az keyvault secret set --vault-name "$key_vault" --name "$secret_name" --file "$key_file" \
    --encoding utf-8 --description base64 --output none
  rm -f "$key_file"
  unset key
  echo "   created"
fi

echo "== Azure SQL $sql_server/$database: user [$function_app]"
if [[ "$by_sid" == true ]]; then
  app_id="$(az ad sp show --id "$principal_id" --query appId --output tsv)"
  [[ "$app_id" =~ ^[0-9a-fA-F-]{36}$ ]] || fail "unexpected application id: $app_id"
  # SQL stores a GUID's first three groups little-endian.
  hex="${app_id//-/}"
  sid="0x${hex:6:2}${hex:4:2}${hex:2:2}${hex:0:2}${hex:10:2}${hex:8:2}${hex:14:2}${hex:12:2}${hex:16:16}"
  create_user="CREATE USER [$function_app] WITH SID = $sid, TYPE = E;"
else
  create_user="CREATE USER [$function_app] FROM EXTERNAL PROVIDER;"
fi
refresh_grant=""
if [[ -n "$refresh_identity" ]]; then
  # The name goes into T-SQL: letters, digits, spaces, dots, hyphens and underscores only.
  [[ "$refresh_identity" =~ ^[A-Za-z0-9\ ._-]+$ ]] || fail "unexpected refresh identity name: $refresh_identity"
  # SELECT on the pbi schema only: the views the model reads, never the child-level fact tables behind them (the views
  # reach those through ownership chaining, as dbo owns both schemas).
  refresh_grant="
IF DATABASE_PRINCIPAL_ID(N'$refresh_identity') IS NULL
    CREATE USER [$refresh_identity] FROM EXTERNAL PROVIDER;
GRANT SELECT ON SCHEMA::pbi TO [$refresh_identity];"
fi
sqlcmd --server "tcp:$sql_server,1433" --database-name "$database" \
  --authentication-method ActiveDirectoryDefault --exit-on-error --query "
IF DATABASE_PRINCIPAL_ID(N'$function_app') IS NULL
    $create_user
ALTER ROLE db_datareader ADD MEMBER [$function_app];
ALTER ROLE db_datawriter ADD MEMBER [$function_app];
GRANT EXECUTE TO [$function_app];$refresh_grant
"
echo "   reader, writer and execute granted${refresh_identity:+; [$refresh_identity] may select from schema pbi}"

echo "== Migrations"
connection_string="Server=tcp:$sql_server,1433;Database=$database;Authentication=Active Directory Default;Encrypt=True;"
if [[ -n "${PERFPIPELINE_CLI:-}" ]]; then
  read -r -a perfpipeline <<<"$PERFPIPELINE_CLI"
else
  command -v dotnet >/dev/null || fail "dotnet is not installed (or set PERFPIPELINE_CLI)"
  perfpipeline=(dotnet run --project "$repo_root/pipelines/PerfPipeline.Cli" --configuration Release --)
fi
"${perfpipeline[@]}" migrate --sqlserver "$connection_string"
echo "== Done. Next: publish the app (docs/deployment.md, step 6)."
