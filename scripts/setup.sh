#!/usr/bin/env bash
# Set-up on Debian with Python 3.11+: system packages (CJK font, Qt runtime
# libraries) where we are allowed to install them, then .venv with the project
# and its test extras. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }

# --- system packages -------------------------------------------------------
# QtWebEngine needs these libraries even offscreen; the font makes Chinese
# labels render as glyphs instead of boxes.
debs=(fonts-noto-cjk fontconfig libnss3 libxkbcommon0 libxkbcommon-x11-0 libegl1 libgl1
      libfontconfig1 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1
      libdbus-1-3 libxshmfence1 libgbm1 libasound2 libxcb-cursor0 libglib2.0-0)
missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${debs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    if sudo -n true 2>/dev/null; then
      sudo_cmd=(sudo -n)
    elif [ -t 0 ]; then  # a person at a terminal: let sudo ask for the password
      say "sudo is needed once to install: ${missing[*]}"
      sudo_cmd=(sudo)
    fi
  fi
  if [ "$(id -u)" -eq 0 ] || [ ${#sudo_cmd[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null 2>&1 || {
      "${sudo_cmd[@]}" apt-get update -q >/dev/null
      "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
    }
  else
    say "missing Debian packages: ${missing[*]}"
    say "ask an administrator to run: sudo apt-get install ${missing[*]}"
    say "(without fonts-noto-cjk, Chinese labels show as boxes; the app warns in its status bar)"
  fi
fi

# --- Python environment ----------------------------------------------------
py="${PYTHON:-}"
if [ -z "$py" ]; then
  for c in python3 python3.11 python3.12 python3.13; do
    if command -v "$c" >/dev/null 2>&1 \
        && "$c" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      py="$c"; break
    fi
  done
fi
[ -n "$py" ] || { say "Python 3.11 or newer is needed (apt-get install python3 python3-venv)"; exit 1; }

if [ ! -x .venv/bin/python ]; then
  say "creating .venv with $py"
  "$py" -m venv .venv || { say "could not create a virtual environment: apt-get install python3-venv"; exit 1; }
fi
stamp=.venv/.kg-explorer-installed
want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  say "installing the project and its test tools into .venv"
  log=.venv/pip-install.log
  if ! { .venv/bin/python -m pip install -q --upgrade pip \
         && .venv/bin/python -m pip install -q -e '.[test]'; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    say "pip could not install the project (full log: $log)"
    exit 1
  fi
  echo "$want" > "$stamp"
fi

# --- byte-code -----------------------------------------------------------------
# Where PYTHONDONTWRITEBYTECODE is set, Python never writes the project's byte-code
# and every start of the app would compile ~100 modules again (~0.1-0.2 s): compile
# what changed here instead (Python still reads byte-code that exists).
if [ -n "${PYTHONDONTWRITEBYTECODE:-}" ]; then
  .venv/bin/python -m compileall -q explorer ui graph_data >/dev/null 2>&1 || true
fi
