#!/usr/bin/env bash
# Install what replywatch, its demo and its test suite need, on Debian or Ubuntu:
# Dovecot (the demo's and the tests' IMAP server), dbus-daemon and gnome-keyring
# (the tests' private session bus and Secret Service), systemd-analyze (unit
# checks), Xvfb, dunst, dbus-send (dunstctl uses it), a font and ImageMagick
# (a real notification server in the tests, and its screenshots),
# desktop-file-validate (the desktop entry's test), zsh, fish and groff (the
# completion scripts and the man page are run by the real programs), faketime
# (the command line's snapshots run the real program at a fixed moment), and a
# virtualenv in .venv with replywatch and its test tools. No system service is
# left behind: Dovecot's is disabled and never started (see
# scripts/without-services.sh).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(dovecot-imapd dbus-daemon gnome-keyring systemd chromium
          xvfb dunst dbus-bin fonts-dejavu-core imagemagick desktop-file-utils
          zsh fish groff-base faketime)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    # Debian's dovecot-imapd would enable and start a system IMAP server on every
    # interface; the demo and the tests start their own on 127.0.0.1. So the
    # install never lets a service start, and a Dovecot it installs is disabled
    # (one already installed is the user's own, and left as it is).
    units=()
    [[ " ${missing[*]} " == *" dovecot-imapd "* ]] && units=(dovecot.service dovecot.socket)
    $sudo bash scripts/without-services.sh "${units[@]}" -- \
        env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null
    if [ "${#units[@]}" -gt 0 ]; then
        echo "setup: Dovecot's system service is disabled and was never started" \
             "(replywatch's demo and tests run their own on 127.0.0.1)" >&2
    fi
fi

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
