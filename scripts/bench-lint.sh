#!/usr/bin/env bash
# Benchmark `mzlint check` on a generated 10 MB multi-file corpus — half
# Materialize DDL, half upstream PostgreSQL — beside squawk (PyPI
# `squawk-cli`) on the PostgreSQL half and sqruff (PyPI `sqruff`, dialect
# `materialize`) on the Materialize half. Prints MB/s and peak memory.
#
#   bash scripts/bench-lint.sh            # 10 MB corpus
#   SIZE_MB=2 bash scripts/bench-lint.sh  # smaller, quicker
#
# Not a test: the figures go in the README.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE_MB="${SIZE_MB:-10}"
WORK="target/bench-lint"
CORPUS="$WORK/corpus"
VENV="$WORK/venv"
mkdir -p "$WORK"

cargo build --release --locked -p mzlint >/dev/null
MZLINT="$PWD/target/release/mzlint"

if [ ! -x "$VENV/bin/squawk" ] || [ ! -x "$VENV/bin/sqruff" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet squawk-cli sqruff
fi

rm -rf "$CORPUS"
python3 - "$CORPUS" "$SIZE_MB" <<'PY'
import os, sys
root, size_mb = sys.argv[1], float(sys.argv[2])
half = int(size_mb * 1e6 / 2)
mz_dir, pg_dir = os.path.join(root, "materialize"), os.path.join(root, "upstream")
os.makedirs(mz_dir); os.makedirs(pg_dir)

def mz(i):
    return f"""CREATE SECRET pg_pw_{i} AS '${{PG_PASSWORD}}';
CREATE CONNECTION bastion_{i} TO SSH TUNNEL (HOST 'bastion{i}.internal', USER 'mz', PORT 22);
CREATE CONNECTION pg_{i} TO POSTGRES (
    HOST 'db{i}.c1x2y3z4w5v6.us-east-1.rds.amazonaws.com', PORT 5432, DATABASE 'shop',
    USER 'materialize', PASSWORD SECRET pg_pw_{i}, SSL MODE 'require', SSH TUNNEL bastion_{i});
CREATE CLUSTER ingest_{i} (SIZE = 'M.1-small', REPLICATION FACTOR = 1);
CREATE SOURCE src_{i} IN CLUSTER ingest_{i} FROM POSTGRES CONNECTION pg_{i} (PUBLICATION 'mz_pub_{i}');
CREATE TABLE orders_{i} FROM SOURCE src_{i} (REFERENCE public.orders_{i});
CREATE TABLE customers_{i} FROM SOURCE src_{i} (REFERENCE public.customers_{i}) WITH (TEXT COLUMNS (status));
"""

def pg(i):
    return f"""CREATE TABLE public.orders_{i} (
    id bigint PRIMARY KEY, customer_id bigint NOT NULL, status text NOT NULL,
    total numeric(12, 2) NOT NULL, placed_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE public.customers_{i} (id bigint PRIMARY KEY, name text NOT NULL, status text);
ALTER TABLE public.orders_{i} REPLICA IDENTITY FULL;
ALTER TABLE public.customers_{i} REPLICA IDENTITY FULL;
CREATE PUBLICATION mz_pub_{i} FOR TABLE public.orders_{i}, public.customers_{i};
GRANT SELECT ON public.orders_{i}, public.customers_{i} TO materialize;
"""

def write(directory, make, budget, per_file=40):
    written, i, n = 0, 0, 0
    while written < budget:
        chunk = "".join(make(i + k) for k in range(per_file))
        with open(os.path.join(directory, f"f{n:05}.sql"), "w") as f:
            f.write(chunk)
        written += len(chunk); i += per_file; n += 1
    return written, n

mz_bytes, mz_files = write(mz_dir, mz, half)
pg_bytes, pg_files = write(pg_dir, pg, half)
with open(os.path.join(root, "mzlint.toml"), "w") as f:
    f.write('[files]\nupstream = ["upstream/**"]\n')
# sqruff skips files over 20 kB unless told otherwise.
with open(os.path.join(os.path.dirname(root), "sqruff.cfg"), "w") as f:
    f.write("[sqruff]\ndialect = materialize\nlarge_file_skip_byte_limit = 0\n")
with open(os.path.join(root, "sizes"), "w") as f:
    f.write(f"{mz_bytes} {mz_files} {pg_bytes} {pg_files}\n")
PY
read -r MZ_BYTES MZ_FILES PG_BYTES PG_FILES < "$CORPUS/sizes"
TOTAL_BYTES=$((MZ_BYTES + PG_BYTES))

# run NAME BYTES COMMAND...: wall time and peak RSS of one run (best of 3).
run() {
  local name="$1" bytes="$2"; shift 2
  local best="" rss=""
  for _ in $(seq "${RUNS:-3}"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
    # GNU time prepends "Command exited with non-zero status N" for linters
    # that found something: the figures are on the last line.
    read -r secs kb < <(tail -n 1 "$WORK/time")
    if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then best="$secs"; rss="$kb"; fi
  done
  awk -v n="$name" -v b="$bytes" -v s="$best" -v k="$rss" \
    'BEGIN { s = (s < 0.005 ? 0.005 : s); printf "| %-40s | %8.1f MB | %8.2f s | %9.1f MB/s | %7.1f MiB |\n", n, b/1e6, s, b/1e6/s, k/1024 }'
}

echo "| tool | input | time | throughput | peak RSS |"
echo "|---|---|---|---|---|"
run "mzlint check (whole corpus, $((MZ_FILES + PG_FILES)) files)" "$TOTAL_BYTES" \
  "$MZLINT" check --exit-zero --output-format concise "$CORPUS"
run "mzlint check (Materialize half)" "$MZ_BYTES" \
  "$MZLINT" check --exit-zero --output-format concise "$CORPUS/materialize"
run "mzlint check (PostgreSQL half)" "$PG_BYTES" \
  "$MZLINT" check --exit-zero --output-format concise "$CORPUS/upstream"
run "squawk (PostgreSQL half)" "$PG_BYTES" \
  "$VENV/bin/squawk" "$CORPUS"/upstream/*.sql
RUNS=1 run "sqruff lint --dialect materialize (Materialize half)" "$MZ_BYTES" \
  "$VENV/bin/sqruff" --config "$WORK/sqruff.cfg" lint -f none "$CORPUS/materialize"
