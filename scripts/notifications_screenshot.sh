#!/usr/bin/env bash
# Make docs/notifications.png, the README's picture of replywatch's notifications: the
# test that sends three real alerts to a real dunst under Xvfb and photographs the
# screen writes it (scripts/setup.sh installs what it needs). Run from the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
REPLYWATCH_SCREENSHOT=docs/notifications.png \
    .venv/bin/python -m pytest -q tests/test_dunst.py -k screenshot
