#!/usr/bin/env bash
# Integration tests with clients from other ecosystems than the Rust test
# suite. Each section installs what it needs; the script exits non-zero when
# any of them fails.
#
# Python LSP client (crates/mzlint_server/tests/python, pytest-lsp): a venv
# under target/, `pip install pytest-lsp pytest`, then pytest against the
# language server started as `$MZLINT_BIN server`. MZLINT_BIN defaults to the
# `mzlint` CLI when it embeds the server (crates/mzlint depends on
# mzlint_server), else to the server crate's test binary.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

python_lsp_client() {
  step "Python LSP client (pytest-lsp)"
  local venv=target/integrations-venv
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
  fi
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest-lsp pytest

  local bin="${MZLINT_BIN:-}"
  if [ -z "$bin" ]; then
    if grep -q 'mzlint_server' crates/mzlint/Cargo.toml 2>/dev/null; then
      cargo build --quiet --locked -p mzlint
      bin="$PWD/target/debug/mzlint"
    else
      cargo build --quiet --locked -p mzlint_server --bin mzlint-server-test
      bin="$PWD/target/debug/mzlint-server-test"
    fi
  fi
  echo "server: $bin server"

  local status=0
  MZLINT_BIN="$bin" "$venv/bin/python" -m pytest -c crates/mzlint_server/tests/python/pytest.ini \
    --rootdir crates/mzlint_server/tests/python -p no:cacheprovider -q \
    crates/mzlint_server/tests/python || status=$?
  if [ "$status" -eq 5 ]; then
    echo "pytest collected no test: failing" >&2
    return 1
  fi
  return "$status"
}

failed=0
python_lsp_client || failed=1

if [ "$failed" -ne 0 ]; then
  echo "integration tests failed" >&2
  exit 1
fi
