#!/usr/bin/env bash
# Installs what Lede needs on Debian/Ubuntu besides the Swift toolchain: libzmq and SQLite headers
# (Debian packages) and pyzmq (PyPI) for the tests that drive the service as an outside client.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libzmq3-dev libsqlite3-dev pkg-config >/dev/null
python3 -m pip install -q pyzmq 2>/dev/null || python3 -m pip install -q --break-system-packages pyzmq
