#!/usr/bin/env bash
# Installs what Lede needs on Debian/Ubuntu besides the Swift toolchain: libzmq and SQLite headers
# (Debian packages); for the tests, PostgreSQL's server binaries (the tests of the PostgreSQL store start
# throwaway servers of their own), iproute2 (the three-host test's network namespaces), Chromium (the
# live page in a real browser), and from PyPI pyzmq (an outside client), websocket-client (to drive
# Chromium over its DevTools protocol) and PyYAML (to read Deploy/compose.yaml).
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libzmq3-dev libsqlite3-dev pkg-config postgresql iproute2 chromium >/dev/null
python3 -m pip install -q pyzmq websocket-client pyyaml 2>/dev/null || python3 -m pip install -q --break-system-packages pyzmq websocket-client pyyaml
