#!/usr/bin/env bash
# Installs every Debian package zwgk needs to build, run, test and benchmark.
# Idempotent and quick when everything is already there.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libboost-url1.81-dev libboost-json1.81-dev
  libsoci-dev libsqlite3-dev sqlite3 libpq-dev
  postgresql-15 postgresql-client-15
  nlohmann-json3-dev libtomlplusplus-dev libcli11-dev libspdlog-dev libfmt-dev
  libkainjow-mustache-dev
  libsodium-dev liboath-dev libqrencode-dev libgumbo-dev zlib1g-dev libbrotli-dev
  libpwquality-dev libpwquality1 libpwquality-common cracklib-runtime
  libicu-dev libopencc-dev libmagic-dev
  libzip-dev libpugixml-dev libpoppler-cpp-dev poppler-data
  libxlsxwriter-dev libfreexl-dev libcsv-dev
  libgtest-dev libgmock-dev
  libreoffice-writer-nogui poppler-utils  # the .docx export test opens the file in LibreOffice (ADR 0030)
  libgmime-3.0-dev libcurl4-openssl-dev python3-aiosmtpd
  libpango1.0-dev libcairo2-dev fonts-noto-cjk  # the PDF writer and the fonts it embeds (ADR 0033)
  nginx-light wrk curl nodejs
)
WANT_BROWSER=${WANT_BROWSER:-0}
if [ "$WANT_BROWSER" = 1 ]; then
  PACKAGES+=(chromium fonts-noto-cjk nodejs)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

install_assets() {
  # Browser packages of the console (Quill, the rich text editor): always, `make run` serves
  # them under /static/vendor/ (assets/package.json + package-lock.json, ADR 0012).
  if ! command -v npm >/dev/null; then
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
  fi
  if [ ! -f "$ROOT/assets/node_modules/quill/dist/quill.js" ] ||
     [ "$ROOT/assets/package-lock.json" -nt "$ROOT/assets/node_modules/.package-lock.json" ]; then
    (cd "$ROOT/assets" && npm ci --no-audit --no-fund --silent)
  fi
}

install_e2e() {
  # playwright-core for the end-to-end tests (drives Debian's chromium; no browser download)
  # and axe-core for their accessibility checks. Re-installs when package-lock.json changed
  # since the last install (npm ci writes node_modules/.package-lock.json), so an old checkout
  # gets a newly added package too.
  local e2e="$ROOT/tests/e2e"
  if [ "$WANT_BROWSER" = 1 ] &&
     { [ ! -d "$e2e/node_modules/playwright-core" ] || [ ! -d "$e2e/node_modules/axe-core" ] ||
       [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; }; then
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --silent)
  fi
}
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
if [ ${#missing[@]} -eq 0 ]; then
  install_assets
  install_e2e
  exit 0
fi

echo "zwgk: installing ${#missing[@]} Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# nginx must not start a system instance on :80 during install.
$SUDO env RUNLEVEL=1 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# Debian's postgresql package creates and starts a cluster; zwgk's tests start their own.
if command -v pg_lsclusters >/dev/null && pg_lsclusters -h 2>/dev/null | grep -q online; then
  $SUDO pg_ctlcluster 15 main stop 2>/dev/null || true
fi
$SUDO systemctl disable --now nginx 2>/dev/null || $SUDO service nginx stop 2>/dev/null || true
echo "zwgk: packages installed"
install_assets
install_e2e
