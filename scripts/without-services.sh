#!/usr/bin/env bash
# Run COMMAND (an apt-get install) without letting the packages it installs start a
# system service, then disable the named systemd UNITs, so that nothing is left
# running or set to start at boot. Needs root: for the duration of COMMAND it puts
# its own /usr/sbin/policy-rc.d in place, and restores what was there after.
#
# Usage: without-services.sh UNIT... -- COMMAND [ARG...]
#
# Why policy-rc.d: a package's maintainer scripts start its service through
# invoke-rc.d or deb-systemd-invoke, and both ask /usr/sbin/policy-rc.d first; exit
# status 101 means "action forbidden" (Debian policy, README.policy-rc.d). The
# package still enables its unit (deb-systemd-helper), hence the disable after.
set -euo pipefail

units=()
while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do
    units+=("$1")
    shift
done
if [ "$#" -lt 2 ]; then
    echo "usage: $0 UNIT... -- COMMAND [ARG...]" >&2
    exit 2
fi
shift

policy=/usr/sbin/policy-rc.d
saved=""
if [ -e "$policy" ]; then
    saved=$(mktemp)
    cp -p "$policy" "$saved"
fi
restore() {
    if [ -n "$saved" ]; then
        mv -f "$saved" "$policy"
    else
        rm -f "$policy"
    fi
}
trap restore EXIT
printf '#!/bin/sh\n# replywatch scripts/without-services.sh: no service starts during an install\nexit 101\n' \
    > "$policy"
chmod 0755 "$policy"

"$@"

if command -v systemctl >/dev/null; then
    for unit in "${units[@]}"; do
        # is-enabled and disable work without a running systemd (they only read and
        # change the symlinks under /etc/systemd/system); a unit that does not exist
        # answers "not-found" or nothing and is left alone.
        state=$(systemctl is-enabled "$unit" 2>/dev/null || true)
        if [ "$state" = "enabled" ]; then
            systemctl disable --quiet "$unit"
        fi
        # Under a running systemd, stop it too, should anything have started it.
        if [ -d /run/systemd/system ] && systemctl --quiet is-active "$unit"; then
            systemctl stop "$unit"
        fi
    done
fi
