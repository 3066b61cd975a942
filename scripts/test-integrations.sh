#!/usr/bin/env bash
# Integration tests of mzlint with the tools around it (interfaces.md §8).
# Each section is a function of its own that records PASS/FAIL lines with
# `pass`/`fail`; the last line is `N passed, N failed`, which CI reads; the
# exit status is non-zero when anything failed.
#
#   bash scripts/test-integrations.sh              # every section
#   bash scripts/test-integrations.sh precommit    # only the named ones (lsp, precommit)
#
# Everything it installs or builds goes under target/integrations/.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
WORK="$ROOT/target/integrations"
mkdir -p "$WORK"

PASSED=0
FAILED=0
pass() { printf 'PASS: %s\n' "$*"; PASSED=$((PASSED + 1)); }
fail() { printf 'FAIL: %s\n' "$*"; FAILED=$((FAILED + 1)); }
step() { printf '\n--- %s\n' "$*"; }

# Print the last lines of a log, indented, after a failure.
show_log() { tail -n "${2:-40}" "$1" | sed 's/^/    | /'; }

# ---------------------------------------------------------------------------
# pre-commit: the hooks of .pre-commit-hooks.yaml, installed the way users
# get them. pre-commit installs a `language: rust` hook with
# `cargo install --bins --root ENV --path .` in a fresh clone of this
# repository (try-repo clones into a temporary store on every call, with
# the uncommitted changes of tracked files), in release mode. To keep that
# affordable:
#   * CARGO_TARGET_DIR is a directory kept under target/integrations/, so
#     the dependencies compile once and later installs rebuild only the
#     workspace crates;
#   * `cargo install` ignores Cargo.lock; `cargo fetch --locked` first, then
#     CARGO_NET_OFFLINE=true, makes it resolve from what the lock file
#     fetched instead of the network.
precommit_check() {
  step "pre-commit hook (try-repo)"
  local tool
  for tool in python3 git cargo; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      fail "pre-commit: $tool is not installed"
      return
    fi
  done

  local venv="$WORK/venv"
  if ! "$venv/bin/pre-commit" --version >/dev/null 2>&1; then
    if ! { python3 -m venv "$venv" && "$venv/bin/pip" install --quiet pre-commit; } \
      >"$WORK/pip.log" 2>&1; then
      fail "pre-commit: cannot install pre-commit into $venv"
      show_log "$WORK/pip.log"
      return
    fi
  fi
  echo "using $("$venv/bin/pre-commit" --version)"

  if ! cargo fetch --locked >"$WORK/cargo-fetch.log" 2>&1; then
    fail "pre-commit: cargo fetch --locked failed"
    show_log "$WORK/cargo-fetch.log"
    return
  fi

  # The repository the hook runs in (kept for inspection; rebuilt each run).
  local repo="$WORK/precommit-repo"
  rm -rf "$repo"
  mkdir -p "$repo"
  git -C "$repo" init -q
  cat >"$repo/clean.sql" <<'SQL'
-- Every rule accepts this file.
CREATE SECRET pg_pw AS '${PG_PASSWORD}';
CREATE SECRET rds_ca AS '${RDS_CA}';

CREATE CONNECTION pg TO POSTGRES (
    HOST 'orders.c1x2y3z4w5v6.eu-west-1.rds.amazonaws.com',
    DATABASE 'shop',
    USER 'mz',
    PASSWORD SECRET pg_pw,
    SSL MODE 'verify_full',
    SSL CERTIFICATE AUTHORITY SECRET rds_ca
);
SQL
  cat >"$repo/bad.sql" <<'SQL'
-- The options are not parenthesised: MZ000 syntax-error.
CREATE CONNECTION pg TO POSTGRES HOST 'pg.internal', DATABASE 'shop';
SQL
  git -C "$repo" add clean.sql bad.sql

  local name file want code log started elapsed
  for name in clean bad; do
    file="$name.sql"
    want=0
    [ "$name" = bad ] && want=1
    log="$WORK/pre-commit-$name.log"
    started=$SECONDS
    (
      cd "$repo" &&
        PRE_COMMIT_HOME="$WORK/pre-commit-home" \
          CARGO_TARGET_DIR="$WORK/cargo-target" \
          CARGO_NET_OFFLINE=true \
          "$venv/bin/pre-commit" try-repo "$ROOT" mzlint --files "$file" --color never
    ) >"$log" 2>&1
    code=$?
    elapsed=$((SECONDS - started))
    if [ "$code" -ne "$want" ]; then
      fail "pre-commit try-repo mzlint --files $file: exit $code, expected $want (${elapsed}s)"
      show_log "$log"
    elif [ "$name" = bad ] && ! grep -q 'MZ000' "$log"; then
      fail "pre-commit try-repo mzlint --files $file: exit 1 but no MZ000 in the output (${elapsed}s)"
      show_log "$log"
    else
      pass "pre-commit try-repo mzlint --files $file: exit $code (${elapsed}s)"
    fi
  done
}

# ---------------------------------------------------------------------------
# The language server driven by an independent client from another ecosystem:
# pytest-lsp (crates/mzlint_server/tests/python) against `mzlint server`.
# MZLINT_BIN overrides the binary.

lsp_check() {
  step "Python LSP client (pytest-lsp)"
  local venv="$WORK/lsp-venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
  fi
  if ! "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest-lsp pytest; then
    fail "pip install pytest-lsp pytest"
    return
  fi
  local bin="${MZLINT_BIN:-}"
  if [ -z "$bin" ]; then
    if ! cargo build --quiet --locked -p mzlint; then
      fail "cargo build -p mzlint"
      return
    fi
    bin="$ROOT/target/debug/mzlint"
  fi
  echo "server: $bin server"
  local status=0
  MZLINT_BIN="$bin" "$venv/bin/python" -m pytest -c crates/mzlint_server/tests/python/pytest.ini \
    --rootdir crates/mzlint_server/tests/python -p no:cacheprovider -q \
    crates/mzlint_server/tests/python || status=$?
  # pytest exits 5 when it collected no test: that is a failure here.
  if [ "$status" -eq 0 ]; then
    pass "pytest-lsp client against mzlint server"
  else
    fail "pytest-lsp client against mzlint server (pytest exit $status)"
  fi
}

# ---------------------------------------------------------------------------

SECTIONS=(lsp precommit)
if [ "$#" -gt 0 ]; then
  SECTIONS=("$@")
fi
for section in "${SECTIONS[@]}"; do
  case "$section" in
    lsp) lsp_check ;;
    precommit) precommit_check ;;
    *) fail "unknown section '$section'" ;;
  esac
done

printf '\n%d passed, %d failed\n' "$PASSED" "$FAILED"
[ "$FAILED" -eq 0 ]
