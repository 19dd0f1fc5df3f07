#!/usr/bin/env bash
# Checks the published app as an operator runs it: `dotnet publish`, then started from another folder
# (as a service manager does) in Production with keys from `keys generate`. It must answer, serve every
# stylesheet and script the pages link to, and keep its database in its own folder, not the working one.
# Usage: scripts/publish-check.sh   (test.sh runs it; it needs no database server)
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "publish check: $*" >&2; [ -f "$work/app.log" ] && tail -40 "$work/app.log" >&2; exit 1; }

echo "== publish check"
dotnet publish src/Shegong.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null
mkdir -p "$work/elsewhere"
cd "$work/elsewhere"

# The operator's first step: make the keys, then start with them in the environment.
keys="$(dotnet "$work/app/Shegong.Web.dll" keys generate | grep '^Privacy__')"
[ "$(echo "$keys" | wc -l)" = 2 ] || fail "keys generate printed no key pair"
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
env $keys ASPNETCORE_ENVIRONMENT=Production Bootstrap__AdminPassword='Publish@Check1' \
  dotnet "$work/app/Shegong.Web.dll" --urls "$base" > "$work/app.log" 2>&1 &
app_pid=$!

# Up when it answers (the first start migrates and loads the regions); give up after 3 minutes.
for _ in $(seq 1 180); do
  if curl -fsS "$base/health" >/dev/null 2>&1; then break; fi
  kill -0 "$app_pid" 2>/dev/null || fail "the app stopped during start-up"
  sleep 1
done
curl -fsS "$base/health" >/dev/null || fail "/health did not answer within 3 minutes"

page="$(curl -fsS "$base/account/signin")" || fail "the sign-in page did not answer"
grep -q 'lang="zh-CN"' <<< "$page" || fail "the sign-in page is not in Chinese"
assets="$(echo "$page" | grep -oE '(href|src)="[^"]+\.(css|js)"' | sed -E 's/^(href|src)="//; s/"$//')"
[ "$(echo "$assets" | grep -c '\.css$')" -ge 2 ] || fail "the sign-in page links fewer than two stylesheets: $assets"
plain=0
compressed=0
for asset in $assets; do
  url="$base/${asset#/}"
  type="$(curl -fsS -o "$work/asset" -w '%{content_type}' "$url")" || fail "$asset is not served"
  [ -s "$work/asset" ] || fail "$asset is empty"
  case "$asset" in
    *.css) [[ "$type" == text/css* ]] || fail "$asset is served as $type" ;;
    *.js) [[ "$type" == *javascript* ]] || fail "$asset is served as $type" ;;
  esac
  plain=$(( plain + $(stat -c %s "$work/asset") ))
  # Published, each comes precompressed to a browser that accepts it; a fingerprinted name is kept for a year.
  headers="$(curl -fsS -o "$work/asset" -D - -H 'Accept-Encoding: br, gzip' "$url" | tr -d '\r')"
  compressed=$(( compressed + $(stat -c %s "$work/asset") ))
  grep -qiE '^content-encoding: (br|gzip)$' <<< "$headers" || fail "$asset is not served compressed"
  if [[ "$asset" =~ \.[a-z0-9]{8,}\.(css|js)$ ]]; then
    grep -qiE '^cache-control: .*immutable' <<< "$headers" || fail "$asset has a fingerprint but is not cached: $(grep -i '^cache-control' <<< "$headers")"
  fi
done

# The database lives beside the app, not in the folder it was started from.
[ -f "$work/app/data/shegong.db" ] || fail "no database in the app's data folder"
[ ! -e "$work/elsewhere/data" ] || fail "the app wrote data/ into the working folder"
echo "publish check: started from another folder, $(echo "$assets" | wc -l) stylesheets and scripts served ($plain bytes, $compressed compressed), database in the app's folder"
