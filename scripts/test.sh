#!/usr/bin/env bash
# Run every test of the project: the Rust workspace (unit, snapshot,
# end-to-end CLI and language-server tests), the VS Code extension (type
# check, unit tests, packaging), the pre-commit hook, and the independent
# LSP client. Installs what it needs (npm packages, Python test clients).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "Rust: format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings

# The default members are crates/*; the root package only exists so that
# pre-commit can `cargo install --path .` and adds no code.
step "Rust: every test of the workspace"
cargo test --locked

if [ -f editors/vscode/package.json ]; then
  step "VS Code extension: npm ci, type check, unit tests, package"
  (
    cd editors/vscode
    npm ci --no-audit --no-fund
    npm run typecheck
    npm test
    npm run package
  )
fi

if [ -f scripts/test-integrations.sh ]; then
  step "Integrations: pre-commit hook and the Python LSP client"
  bash scripts/test-integrations.sh
fi
