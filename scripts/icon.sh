#!/usr/bin/env bash
# Draw the fallback PNG of replywatch's icon (the same picture as icons/replywatch.svg)
# with ImageMagick: a notification server that cannot load SVG still shows it.
set -euo pipefail
cd "$(dirname "$0")/../src/replywatch/alerts/icons"
convert -size 64x64 xc:none \
    -fill '#5e81ac' -draw 'roundrectangle 2,2 61,61 12,12' \
    -fill '#eceff4' -draw 'roundrectangle 10,18 53,47 3,3' \
    -fill none -stroke '#5e81ac' -strokewidth 3 -draw 'polyline 11,20 32,36 53,20' \
    -fill '#ebcb8b' -stroke '#2e3440' -strokewidth 2 -draw 'circle 48,46 48,35' \
    -fill none -stroke '#2e3440' -strokewidth 2.5 -draw 'polyline 48,40 48,46 52,49' \
    PNG32:replywatch.png
