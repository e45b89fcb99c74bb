#!/usr/bin/env bash
# Set up argmap in ./.venv (installing Graphviz when it is missing and this user may), then run a job:
#   ./quickstart.sh          validate the bundled maps and render them into out/ (the main job)
#   ./quickstart.sh test     run the whole test suite
#   ./quickstart.sh bench    run the benchmarks (bench/run.py) and write bench/results.md
set -euo pipefail
cd "$(dirname "$0")"

job="${1:-demo}"
venv=".venv"
python="${PYTHON:-python3}"

say() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi
}

apt_updated=""
missing=()
want_debian_packages() {  # want_debian_packages COMMAND PACKAGE...: install the packages unless COMMAND exists;
  local command="$1"; shift  # without root, remember what is missing and go on (return 1)
  command -v "$command" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && as_root true 2>/dev/null; then
    say "installing $* from Debian's packages"
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null && return 0
  fi
  missing+=("'$command' (sudo apt-get install $* on Debian/Ubuntu, brew install ${1%-*} on macOS)")
  return 1
}

name_what_is_missing() {
  if [ "${#missing[@]}" -gt 0 ]; then
    say "set up without root: these are missing, and what needs them is skipped:"
    for item in "${missing[@]}"; do printf '      %s\n' "$item" >&2; done
  fi
}

setup() {
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { say "argmap needs Python 3.10 or newer"; exit 1; }
  want_debian_packages dot graphviz || true   # only drawing needs it
  if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    if ! "$python" -m venv "$venv" 2>/dev/null; then
      rm -rf "$venv"
      if ! want_debian_packages __never__ python3-venv || ! "$python" -m venv "$venv"; then
        name_what_is_missing; say "Python's venv module is needed to set argmap up"; exit 1
      fi
    fi
  fi
  say "installing argmap and its test tools into $venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -e '.[test]'
}

sources_args=()   # with $ARGMAP_SOURCES set, argmap reads it itself (several folders, separated by ':')
if [ -z "${ARGMAP_SOURCES:-}" ] && [ -d ../shared/essays ]; then sources_args=(--sources ../shared/essays); fi

case "$job" in
  demo)
    setup
    say "argmap validate --strict ${sources_args[*]:-} maps/"
    "$venv/bin/argmap" validate --strict "${sources_args[@]}" maps/
    if command -v dot >/dev/null 2>&1; then
      say "argmap render maps/ -o out/ (SVG, and an HTML page to click through)"
      "$venv/bin/argmap" render maps/ -o out/ --format svg
      "$venv/bin/argmap" render maps/ -o out/ --format html "${sources_args[@]}"
      say "done: diagrams in out/"
    else
      say "not drawn: rendering needs Graphviz's dot"
    fi
    name_what_is_missing
    ;;
  test)
    want_debian_packages chromium chromium || true   # the HTML page is tested in a real browser
    if want_debian_packages npm nodejs npm; then     # Argdown's reference parser checks the Argdown export
      stamp=tests/tools/node_modules/.argmap-installed
      if [ ! -f "$stamp" ] || [ tests/tools/package-lock.json -nt "$stamp" ]; then
        say "installing the Node test tools (@argdown/cli and the rest of tests/tools/package.json)"
        npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
        touch "$stamp"
      fi
    fi
    setup
    name_what_is_missing
    say "python -m pytest"
    status=0
    "$venv/bin/python" -m pytest "${@:2}" || status=$?
    if [ "$status" = 5 ]; then say "pytest collected no tests: that is a failure"; exit 1; fi
    exit "$status"
    ;;
  bench)
    want_debian_packages npm nodejs npm || true      # the Argdown row runs Argdown's own renderer
    setup
    say "python bench/run.py ${*:2}"
    "$venv/bin/python" bench/run.py "${@:2}"
    ;;
  *)
    echo "usage: ./quickstart.sh [demo|test [PYTEST-ARGS...]|bench [--quick|--smoke]]" >&2; exit 2 ;;
esac
