#!/usr/bin/env bash
# The full test suite: installs the Debian packages the consumer tests need, builds,
# lints, typechecks and runs every vitest project, then prints `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

# Debian packages that real-consumer tests drive: LibreOffice opens exported workbooks; Chromium
# shows code-server (VS Code) with the .vsix; Neovim is an LSP client; libkrb5-dev builds
# code-server's native modules; unzip unpacks the .vsix.
DEBIAN_PACKAGES=(libreoffice-calc-nogui chromium neovim libkrb5-dev unzip)
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq || { echo "apt-get update failed"; exit 1; }
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || { echo "apt-get install ${missing[*]} failed"; exit 1; }
fi

step() { echo; echo "== $*"; }
step "build (langium generate + tsc)"
npm run --silent build || { echo "0 passed, 1 failed"; exit 1; }
# `npm run package` would build again; the build above is the one the bundles are made from.
step "package the VS Code extension (bundles + suplan-<version>.vsix)"
npm run --silent package:only || { echo "0 passed, 1 failed"; exit 1; }
step "lint"
npx eslint src test scripts || { echo "0 passed, 1 failed"; exit 1; }
step "typecheck (tests included)"
npx tsc -p tsconfig.test.json || { echo "0 passed, 1 failed"; exit 1; }

step "code-server for the real VS Code test (cached in \${SUPLAN_CACHE:-~/.cache/suplan})"
bash scripts/consumers/install-code-server.sh || { echo "0 passed, 1 failed"; exit 1; }

step "vitest (unit, then consumers)"
results="$(mktemp -d)/vitest.json"
npx vitest run --reporter=default --reporter=json --outputFile="$results"
vitest_status=$?
node scripts/summarise-results.js "$results"
summary_status=$?
if [ "$vitest_status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then exit 1; fi
