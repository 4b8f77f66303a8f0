#!/usr/bin/env bash
# Install the Debian packages a task needs, only when one is missing:
#
#   scripts/ensure-system-packages.sh venv    what `python3 -m venv` and WeasyPrint need (make demo, make test)
#   scripts/ensure-system-packages.sh tests   chromium and PostgreSQL for the test suite
#   scripts/ensure-system-packages.sh assets  npm, which installs package.json's design system and axe-core
#
# Each package comes with a probe that succeeds once it is installed; when every probe does,
# apt is not touched at all. Browsers and servers come from Debian only: nothing is downloaded
# from outside the package mirrors.
set -euo pipefail

missing=()
need() {
  local package=$1 probe=$2
  bash -c "$probe" >/dev/null 2>&1 || missing+=("$package")
}

for task in "${@:-tests}"; do
  case $task in
    venv)
      need python3-venv 'python3 -c "import ensurepip, venv"'
      # WeasyPrint (PDF reports) loads Pango at run time, and needs fonts with accents
      need libpango-1.0-0 'compgen -G "/usr/lib/*/libpango-1.0.so.0"'
      need libpangoft2-1.0-0 'compgen -G "/usr/lib/*/libpangoft2-1.0.so.0"'
      need fonts-dejavu-core 'test -d /usr/share/fonts/truetype/dejavu'  # the charts measure their labels in DejaVu Sans
      ;;
    tests)
      need chromium 'command -v chromium'                                # browser tests
      need fonts-dejavu-core 'test -d /usr/share/fonts/truetype/dejavu'  # text in screenshots
      need postgresql 'compgen -G "/usr/lib/postgresql/*/bin/initdb"'    # database tests
      ;;
    assets)
      need npm 'command -v npm'  # Debian's npm brings Node.js with it
      ;;
    *)
      echo "unknown task: $task (venv, tests or assets)" >&2
      exit 2
      ;;
  esac
done
((${#missing[@]} == 0)) && exit 0

echo "Installing Debian packages: ${missing[*]}"
sudo=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || {
    echo "Run as root, or install them yourself: apt-get install ${missing[*]}" >&2
    exit 1
  }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
