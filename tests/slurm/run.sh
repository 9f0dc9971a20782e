#!/usr/bin/env bash
# `make test-slurm`: run the workflow on a real single-node SLURM cluster started here (no systemd,
# no accounting daemon), run it locally too, and check that the tables are byte-identical.
# Needs root (apt-get, slurmd). Installs Debian's slurm-wlm and munge when they are missing.
# Every daemon it starts runs from a private temporary folder and is stopped on exit.
# Environment: VENV (default <repo>/.venv); TEST_SLURM_CHUNKS (default 3: each SLURM job costs a
# few seconds of start-up, so the profile's 64 chunks take minutes for two documents; set 64 to
# test the profile's own count; the local run uses the workflow's 4, so equal tables also show
# that results do not depend on the chunk count); KEEP_TMP=1 keeps the temporary folder.
set -Eeuo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="${VENV:-$REPO/.venv}"
PY="$VENV/bin/python"
CHUNKS="${TEST_SLURM_CHUNKS:-3}"
TIMEOUT_IDLE=60  # seconds to wait for the node to come up idle
STARTED=$(date +%s)

say() { printf 'test-slurm: %s\n' "$*"; }
fail() {
    printf 'test-slurm: FAIL: %s\n' "$*" >&2
    exit 1
}

# --- preconditions -----------------------------------------------------------------------------
[[ "$(id -u)" -eq 0 ]] || fail "needs root (it installs slurm-wlm/munge with apt-get and starts slurmd); run it as root or in a root container"
[[ -x "$PY" ]] || fail "no Python at $PY: run 'make setup' first"

INSTALL_LOG="$(mktemp)"
missing=()
for cmd in slurmctld slurmd sbatch squeue sinfo scancel munged; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
done
if ((${#missing[@]})); then
    command -v apt-get >/dev/null 2>&1 || fail "missing ${missing[*]} and no apt-get to install slurm-wlm and munge"
    say "installing slurm-wlm and munge with apt-get (missing: ${missing[*]})"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=600 update -qq >"$INSTALL_LOG" 2>&1 ||
        { cat "$INSTALL_LOG" >&2; fail "apt-get update failed"; }
    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends slurm-wlm munge \
        >>"$INSTALL_LOG" 2>&1 ||
        { tail -n 30 "$INSTALL_LOG" >&2; fail "apt-get install slurm-wlm munge failed"; }
fi
if ! "$PY" -c "import snakemake_executor_plugin_slurm" 2>/dev/null; then
    say "installing the optional dependency group 'slurm' into $VENV"
    (cd "$REPO" && "$PY" -m pip install --quiet -c requirements.lock -e ".[slurm]") \
        >"$INSTALL_LOG" 2>&1 ||
        { tail -n 30 "$INSTALL_LOG" >&2; fail "pip install -e '.[slurm]' failed"; }
fi

rm -f "$INSTALL_LOG"

# --- a private cluster in a temporary folder ---------------------------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/rc-slurm.XXXXXX")"
chmod 700 "$TMP"

PIDS=()  # daemons started here, stopped in this order reversed
cleanup() {
    local rc=$?
    set +e
    if [[ -n "${SLURM_CONF:-}" && -f "$TMP/run/slurmctld.pid" ]]; then
        # The cluster is private to this test: cancel whatever is still queued or running on it.
        squeue -h -o %i 2>/dev/null | xargs -r scancel --quiet >/dev/null 2>&1
        sleep 1
    fi
    for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
        kill "${PIDS[i]}" 2>/dev/null
    done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    done
    if ((rc != 0)); then
        for f in "$TMP"/log/*.log; do
            [[ -s "$f" ]] && { printf '\n--- last lines of %s\n' "$f"; tail -n 25 "$f"; }
        done
    fi
    if [[ "${KEEP_TMP:-0}" == 1 ]]; then
        say "kept $TMP"
    else
        rm -rf "$TMP"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$TMP"/{etc,state,spool,run,log,munge,slurm_logs}
export SLURM_CONF="$TMP/etc/slurm.conf"
# snakemake-executor-plugin-slurm-jobstep (0.6.1) removes every SLURM_* variable but the job's
# identity from the environment of the `srun` it runs inside each job, SLURM_CONF included, so
# srun would look for /etc/slurm/slurm.conf. Real clusters keep their config there; this test
# must not touch /etc, so an srun shim first on PATH puts SLURM_CONF back and runs the real srun.
mkdir -p "$TMP/bin"
printf '#!/bin/sh\nexport SLURM_CONF=%q\nexec %q "$@"\n' "$SLURM_CONF" "$(command -v srun)" >"$TMP/bin/srun"
chmod 755 "$TMP/bin/srun"
export PATH="$TMP/bin:$PATH"
# Forget any SLURM job context of the calling shell (e.g. when started inside an allocation).
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -E '^SLURM_' | grep -v '^SLURM_CONF$' || true)


pidfile_pid() {  # wait for a daemon's pid file and print the pid
    for _ in $(seq 100); do
        [[ -s "$1" ]] && { cat "$1"; return 0; }
        sleep 0.1
    done
    fail "$2 did not start (no $1); see $TMP/log"
}

free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# This machine's CPUs and memory, as slurmd itself sees them.
NODE="$(hostname -s)"
HW="$(slurmd -C 2>/dev/null | head -n 1)"
CPUS="$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$HW")"
MEM_MB="$(sed -n 's/.* RealMemory=\([0-9]*\).*/\1/p' <<<"$HW")"
[[ -n "$CPUS" ]] || CPUS="$(nproc)"
[[ -n "$MEM_MB" ]] || MEM_MB="$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024))"
CTLD_PORT="$(free_port)"
SLURMD_PORT="$(free_port)"
while [[ "$SLURMD_PORT" == "$CTLD_PORT" ]]; do SLURMD_PORT="$(free_port)"; done

sed -e "s|@NODE@|$NODE|g" -e "s|@CPUS@|$CPUS|g" -e "s|@MEM_MB@|$MEM_MB|g" \
    -e "s|@CTLD_PORT@|$CTLD_PORT|g" -e "s|@SLURMD_PORT@|$SLURMD_PORT|g" \
    -e "s|@MUNGE_SOCKET@|$TMP/munge/munge.socket|g" -e "s|@TMP@|$TMP|g" \
    "$REPO/tests/slurm/slurm.conf.in" >"$SLURM_CONF"
: >"$TMP/etc/plugstack.conf"
say "node $NODE: $CPUS CPUs, $MEM_MB MB; slurmctld port $CTLD_PORT, slurmd port $SLURMD_PORT; folder $TMP"

# munge: a fresh key and a daemon on a private socket.
if command -v mungekey >/dev/null 2>&1; then
    mungekey --create --keyfile="$TMP/munge/munge.key" >/dev/null
else
    dd if=/dev/urandom of="$TMP/munge/munge.key" bs=1024 count=1 status=none
fi
chmod 400 "$TMP/munge/munge.key"
munged --force --socket="$TMP/munge/munge.socket" --key-file="$TMP/munge/munge.key" \
    --pid-file="$TMP/run/munged.pid" --log-file="$TMP/log/munged.log" \
    --seed-file="$TMP/munge/munged.seed" || fail "munged did not start; see $TMP/log/munged.log"
PIDS+=("$(pidfile_pid "$TMP/run/munged.pid" munged)")

slurmctld -i || fail "slurmctld did not start"
PIDS+=("$(pidfile_pid "$TMP/run/slurmctld.pid" slurmctld)")
slurmd || fail "slurmd did not start"
PIDS+=("$(pidfile_pid "$TMP/run/slurmd.pid" slurmd)")

state=""
for _ in $(seq $((TIMEOUT_IDLE * 2))); do
    state="$(sinfo -h -n "$NODE" -o %t 2>/dev/null || true)"
    [[ "$state" == idle ]] && break
    sleep 0.5
done
[[ "$state" == idle ]] || fail "node $NODE not idle after ${TIMEOUT_IDLE}s (state: '${state:-none}')"
say "cluster up: $(sinfo -h -o '%P %D %t %c CPUs %m MB')"

# The workflow profile profiles/default wins over --profile on shared keys: say so where it changes
# a value of profiles/slurm.
overrides="$("$PY" - "$REPO" <<'EOF'
import sys
from pathlib import Path

import yaml

root = Path(sys.argv[1]) / "profiles"
default, slurm = (yaml.safe_load((root / p / "config.yaml").read_text()) or {} for p in ("default", "slurm"))
print(", ".join(f"{k}: {slurm[k]} -> {default[k]}" for k in sorted(set(default) & set(slurm)) if default[k] != slurm[k]))
EOF
)"
[[ -z "$overrides" ]] || say "WARNING: profiles/default overrides profiles/slurm ($overrides)"

# --- the two runs ------------------------------------------------------------------------------
cd "$REPO"
say "running the workflow with --executor slurm (profiles/slurm, $CHUNKS chunks) into $TMP/slurm"
t0=$(date +%s)
if ! "$VENV/bin/snakemake" --profile profiles/slurm \
    --slurm-status-command squeue --slurm-init-seconds-before-status-checks 2 \
    --slurm-logdir "$TMP/slurm_logs" --slurm-keep-successful-logs --set-scatter chunk="$CHUNKS" \
    --config results_dir="$TMP/slurm" >"$TMP/log/snakemake-slurm.log" 2>&1; then
    tail -n 40 "$TMP/log/snakemake-slurm.log" >&2
    grep -rlE 'Error|error' "$TMP/slurm_logs" 2>/dev/null | head -n 2 | while IFS= read -r f; do
        printf '\n--- the first error in the job log %s\n' "$f"
        sed -n '/Error\|error\|Traceback/,$p' "$f" | head -n 15
    done >&2
    fail "the SLURM run failed; full log above (KEEP_TMP=1 keeps $TMP)"
fi
t1=$(date +%s)
njobs="$(find "$TMP/slurm_logs" -name '*.log' | wc -l)"
((njobs > 0)) || fail "the SLURM run submitted no job (no log in $TMP/slurm_logs)"
say "SLURM run done in $((t1 - t0)) s, $njobs jobs went through sbatch"

say "running the same workflow locally into $TMP/local"
if ! "$VENV/bin/snakemake" --cores 2 --config results_dir="$TMP/local" \
    >"$TMP/log/snakemake-local.log" 2>&1; then
    tail -n 40 "$TMP/log/snakemake-local.log" >&2
    fail "the local run failed"
fi

# --- compare -----------------------------------------------------------------------------------
list_files() { (cd "$1" && find tables -maxdepth 1 -name '*.csv' && find docs -mindepth 2 -maxdepth 2 -name clean.txt) | LC_ALL=C sort; }
list_files "$TMP/slurm" >"$TMP/files.slurm"
list_files "$TMP/local" >"$TMP/files.local"
if ! diff -u "$TMP/files.local" "$TMP/files.slurm" >"$TMP/files.diff"; then
    cat "$TMP/files.diff" >&2
    fail "the SLURM and local runs wrote different sets of tables/clean texts"
fi
n_files="$(wc -l <"$TMP/files.local")"
grep -q '^tables/' "$TMP/files.local" || fail "no tables/*.csv written"
grep -q '^docs/' "$TMP/files.local" || fail "no docs/*/clean.txt written"
differ=()
while IFS= read -r f; do
    cmp -s "$TMP/local/$f" "$TMP/slurm/$f" || differ+=("$f")
done <"$TMP/files.local"
if ((${#differ[@]})); then
    diff -u "$TMP/local/${differ[0]}" "$TMP/slurm/${differ[0]}" | head -n 20 >&2
    fail "${#differ[@]} of $n_files files differ between the SLURM and the local run: ${differ[*]}"
fi
say "PASS: $n_files files (tables/*.csv, docs/*/clean.txt) byte-identical between SLURM ($njobs jobs) and local runs; $(($(date +%s) - STARTED)) s in all"
