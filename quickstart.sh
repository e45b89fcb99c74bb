#!/usr/bin/env bash
# Set up argmap in ./.venv (installing Graphviz when it is missing), then run a job:
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
need_debian_packages() {  # need_debian_packages COMMAND PACKAGE...: install the packages unless COMMAND exists
  local command="$1"; shift
  command -v "$command" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1 && as_root true 2>/dev/null; then
    say "installing $* from Debian's packages"
    if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    say "argmap needs '$command'. Install it first, e.g.: sudo apt-get install $* (Debian/Ubuntu), brew install $1 (macOS)"
    exit 1
  fi
}

setup() {
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' || { say "argmap needs Python 3.10 or newer"; exit 1; }
  need_debian_packages dot graphviz
  if [ ! -x "$venv/bin/python" ]; then
    say "creating $venv"
    if ! "$python" -m venv "$venv" 2>/dev/null; then
      rm -rf "$venv"
      need_debian_packages __never__ python3-venv
      "$python" -m venv "$venv"
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
    say "argmap render maps/ -o out/ (SVG, and an HTML page to click through)"
    "$venv/bin/argmap" render maps/ -o out/ --format svg
    "$venv/bin/argmap" render maps/ -o out/ --format html "${sources_args[@]}"
    say "done: diagrams in out/"
    ;;
  test)
    need_debian_packages chromium chromium   # the HTML page is tested in a real browser
    need_debian_packages npm nodejs npm      # Argdown's reference parser checks the Argdown export
    stamp=tests/tools/node_modules/.argmap-installed
    if [ ! -f "$stamp" ] || [ tests/tools/package-lock.json -nt "$stamp" ]; then
      say "installing Argdown's parser (@argdown/cli) into tests/tools"
      npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
      touch "$stamp"
    fi
    setup
    say "python -m pytest"
    status=0
    "$venv/bin/python" -m pytest "${@:2}" || status=$?
    if [ "$status" = 5 ]; then say "pytest collected no tests: that is a failure"; exit 1; fi
    exit "$status"
    ;;
  bench)
    need_debian_packages npm nodejs npm      # the Argdown row runs Argdown's own renderer
    setup
    say "python bench/run.py ${*:2}"
    "$venv/bin/python" bench/run.py "${@:2}"
    ;;
  *)
    echo "usage: ./quickstart.sh [demo|test [PYTEST-ARGS...]|bench [--quick]]" >&2; exit 2 ;;
esac
