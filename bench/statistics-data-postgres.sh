#!/usr/bin/env bash
# The PostgreSQL twin of bench/statistics-data.sh: the app's demo data (2025) seeded into the database of
# CONNECTION, then copied onto earlier years until it holds about N records, same stations, residents and shape;
# the summary leaves are emptied so the app recomputes them on its next start.
# Usage: bench/statistics-data-postgres.sh records "Host=127.0.0.1;Port=P;Username=U;Database=D" [folder]
#   (folder: the app's working folder for the seeding start, with its generated privacy keys; default /tmp/shegong-bench/pg-<records>)
# Needs psql. The database must exist and be empty.
set -euo pipefail
records=${1:?records}
connection=${2:?connection string}
folder=${3:-/tmp/shegong-bench/pg-$records}
root=$(cd "$(dirname "$0")/.." && pwd)
# psql's URI from the Npgsql keys used here.
field() { tr ';' '\n' <<< "$connection" | sed -n "s/^$1=//Ip" | head -1; }
uri="postgresql://$(field Username)@$(field Host):$(field Port)/$(field Database)"
psql() { command psql -X -q -v ON_ERROR_STOP=1 "$uri" "$@"; }
mkdir -p "$folder"
if [[ "$(psql -tAc "select to_regclass('\"ServiceRecords\"') is not null")" != t ]]; then
  dotnet build -c Release "$root/src/Shegong.Web" -v quiet -nologo
  cd "$folder"
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning Database__Provider=Postgres ConnectionStrings__Shegong="$connection" \
    dotnet "$root/src/Shegong.Web/bin/Release/net10.0/Shegong.Web.dll" --urls http://127.0.0.1:5392 --Bootstrap:AdminPassword 'Bench@2026!' > seed.log 2>&1 &
  app=$!
  until grep -q "is running at" seed.log; do sleep 2; done
  kill "$app"; wait "$app" || true
  cd - > /dev/null
fi
have=$(psql -tAc 'select count(*) from "ServiceRecords"')
year=2024
while (( have < records )); do
  shift_years=$((2025 - year))
  psql <<SQL
BEGIN;
CREATE TEMP TABLE "Offset" AS SELECT (SELECT max("Id") FROM "ServiceRecords") AS o;
INSERT INTO "ServiceRecords" ("Id", "ServedOn", "StationId", "RegionCode", "Category", "Method", "Channel", "DurationMinutes", "HeadCount", "PersonTimes", "ValueYuan", "Source", "Content", "CreatedAt")
  SELECT "Id" + (SELECT o FROM "Offset"), ("ServedOn" - interval '$shift_years years')::date, "StationId", "RegionCode", "Category", "Method", "Channel", "DurationMinutes", "HeadCount", "PersonTimes", "ValueYuan", "Source", "Content", "CreatedAt"
  FROM "ServiceRecords" WHERE "ServedOn" >= '2025-01-01' AND "ServedOn" < '2026-01-01';
INSERT INTO "ServiceBeneficiaries" ("ServiceRecordId", "ResidentId")
  SELECT b."ServiceRecordId" + (SELECT o FROM "Offset"), b."ResidentId" FROM "ServiceBeneficiaries" b JOIN "ServiceRecords" r ON r."Id" = b."ServiceRecordId"
  WHERE r."ServedOn" >= '2025-01-01' AND r."ServedOn" < '2026-01-01';
DROP TABLE "Offset";
COMMIT;
SQL
  have=$(psql -tAc 'select count(*) from "ServiceRecords"')
  echo "$year: $have records"
  year=$((year - 1))
done
# Ids were given explicitly: move the identity past them, so the app's next record gets a free one.
psql -c "SELECT setval(pg_get_serial_sequence('\"ServiceRecords\"', 'Id'), (SELECT max(\"Id\") FROM \"ServiceRecords\"));"
# The copies went around the app: empty the leaves so the next start recomputes them from the records.
psql -c 'DELETE FROM "ServiceSummaries";'
psql -c 'VACUUM ANALYZE;'
echo "$uri: $have records"
