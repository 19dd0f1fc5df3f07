#!/usr/bin/env bash
# Builds the statistics benchmark's SQLite file: the app's demo data (a year, 2025, of about 133,000 service
# records) copied onto earlier years until the file holds about N records (default 1,000,000), same stations,
# same residents, same shape, then the summary leaves recomputed by the app on its next start.
# Usage: bench/statistics-data.sh [records] [folder]   (writes <folder>/shegong.db; default /tmp/shegong-bench/stats-<records>)
set -euo pipefail
records=${1:-1000000}
folder=${2:-/tmp/shegong-bench/stats-$records}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$folder"
db="$folder/data/shegong.db"
if [[ ! -f "$db" ]]; then
  dotnet build -c Release "$root/src/Shegong.Web" -v quiet -nologo
  # The demo seed runs on first start in Development; "migrate" alone would not seed, so start and stop.
  cd "$folder"
  ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning dotnet "$root/src/Shegong.Web/bin/Release/net10.0/Shegong.Web.dll" \
     --urls http://127.0.0.1:5391 --Bootstrap:AdminPassword 'Bench@2026!' > seed.log 2>&1 &
  app=$!
  until grep -q "is running at" seed.log; do sleep 2; done
  kill "$app"; wait "$app" || true
  cd - > /dev/null
fi
base=$(sqlite3 "$db" "select count(*) from ServiceRecords where ServedOn >= '2025-01-01' and ServedOn < '2026-01-01';")
have=$(sqlite3 "$db" "select count(*) from ServiceRecords;")
year=2024
while (( have < records )); do
  shift_years=$((2025 - year))
  sqlite3 "$db" <<SQL
PRAGMA foreign_keys=OFF;
BEGIN;
CREATE TEMP TABLE offset AS SELECT (SELECT max(Id) FROM ServiceRecords) AS o;
INSERT INTO ServiceRecords (Id, Version, ServedOn, StationId, RegionCode, Category, Method, Channel, DurationMinutes, HeadCount, PersonTimes, ValueYuan, Source, Content, CreatedAt)
  SELECT Id + (SELECT o FROM offset), 0, date(ServedOn, '-$shift_years years'), StationId, RegionCode, Category, Method, Channel, DurationMinutes, HeadCount, PersonTimes, ValueYuan, Source, Content, CreatedAt
  FROM ServiceRecords WHERE ServedOn >= '2025-01-01' AND ServedOn < '2026-01-01' AND date(ServedOn, '-$shift_years years') IS NOT NULL;
INSERT INTO ServiceBeneficiaries (ServiceRecordId, ResidentId)
  SELECT b.ServiceRecordId + (SELECT o FROM offset), b.ResidentId FROM ServiceBeneficiaries b JOIN ServiceRecords r ON r.Id = b.ServiceRecordId
  WHERE r.ServedOn >= '2025-01-01' AND r.ServedOn < '2026-01-01';
DROP TABLE offset;
COMMIT;
SQL
  have=$(sqlite3 "$db" "select count(*) from ServiceRecords;")
  echo "$year: $have records"
  year=$((year - 1))
done
# The copies went around the app: empty the leaves so the next start recomputes them from the records.
sqlite3 "$db" "DELETE FROM ServiceSummaries; PRAGMA wal_checkpoint(TRUNCATE);"
echo "$db: $have records (2025 has $base)"
