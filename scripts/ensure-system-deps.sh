#!/usr/bin/env bash
# Installs the Debian packages the project needs at run time, only when missing, so it
# is safe to run before every render or test (idempotent, no network when satisfied).
#   fonts-noto-cjk  CJK glyphs for PNG output: resvg draws text only from font files.
# (chromium and libkrb5-dev for the VS Code host tests are installed by that harness's
# own launcher, scripts/lib/offlineHost.mjs.)
set -euo pipefail

PACKAGES=(fonts-noto-cjk)

if ! command -v dpkg >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: not a Debian/Ubuntu system; install a CJK font yourself (e.g. Noto Sans CJK SC) for PNG output" >&2
  exit 0
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  # dpkg -s succeeds for removed-but-configured packages too, so check the status line.
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "ensure-system-deps: all present (${PACKAGES[*]})"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo -n)
else
  echo "ensure-system-deps: need root to install ${missing[*]}; run: apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "ensure-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
