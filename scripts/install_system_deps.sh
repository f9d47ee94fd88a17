#!/usr/bin/env bash
# Debian packages the browser tests and PDF need: Chromium and fonts (emoji included), and a
# Java runtime for the Nu HTML checker (vnu.jar, from npm) when the machine has none.
set -euo pipefail
packages=(fonts-noto-color-emoji fonts-dejavu-core)
# GitHub's runners bring Google Chrome (CHROMIUM points at it); elsewhere use Debian's chromium.
if [ -z "${CHROMIUM:-}" ] || [ ! -x "${CHROMIUM}" ]; then
  packages=(chromium "${packages[@]}")
fi
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo_cmd apt-get update -qq
$sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
