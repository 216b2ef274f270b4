#!/usr/bin/env bash
# Make docs/report.png, the README's picture of `replywatch report`: a sample book in a
# throwaway data folder, the page rendered by headless Chromium. Run from the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/cfg" REPLYWATCH_CONFIG="$tmp/none.toml"
printf '[policy]\ntimezone = "Europe/Oslo"\n' > "$REPLYWATCH_CONFIG"
rw=.venv/bin/replywatch
day() { date -u -d "$1 days ago" +%Y-%m-%dT10:00; }
i=0
for company in Acme Globex Initech Hooli Umbrella Stark Wayne Cyberdyne Tyrell Soylent \
               Wonka Oscorp Massive Aperture Vandelay Pied; do
    i=$((i + 1))
    $rw app add --company "$company" --role "Backend Engineer" --applied "$(day $((40 - i * 2)))" >/dev/null
done
for id in 1 2 3 5 8 11; do $rw app log "$id" --received --at "$(day $((30 - id)))"; done
for id in 1 2 5; do $rw app interview "$id" --start "$(day $((20 - id)))"; done
$rw app set 1 --stage offer; $rw app set 2 --stage accepted
$rw app set 3 --stage rejected; $rw app set 4 --stage rejected; $rw app set 6 --stage ghosted
$rw app set 7 --stage withdrawn
for id in 9 10 12; do $rw app log "$id" --sent --at "$(day 12)"; done
$rw report --out "$tmp/report.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/chrome" --hide-scrollbars --window-size=1000,1500 \
    --screenshot="$PWD/docs/report.png" "file://$tmp/report.html" 2>/dev/null
echo "wrote docs/report.png"
