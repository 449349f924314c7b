#!/usr/bin/env bash
# Runs every test in ServicePro.sln after installing what the tests need (Debian's chromium for the browser tests,
# postgresql and redis-server, which the scale-out tests start themselves on ports of their own). Ends with one line
# totalling all test projects:
#   N passed, N failed, N skipped
# and exits non-zero if any test failed or none ran.
#   ./test.sh          every test (what CI runs)
#   ./test.sh --fast   unit and component tests only: no host process, Node or browser (TestCategory!=Slow)
set -euo pipefail
cd "$(dirname "$0")"

filter=()
case "${1:-}" in
  "") ;;
  --fast) filter=(--filter "TestCategory!=Slow") ;;
  *) echo "usage: ./test.sh [--fast]" >&2; exit 2 ;;
esac

need=()
if [ ${#filter[@]} -eq 0 ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
fi
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test.sh: the tests need these Debian packages, which are missing: ${need[*]}" >&2
    echo "test.sh: install them first, e.g.  sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
fi

# Fonts for the text reps type (CJK, emoji), so that the browser tests' screenshots show it instead of empty boxes. No
# test result depends on them: installed when test.sh can (root with apt-get), otherwise left out without a word.
if [ ${#filter[@]} -eq 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  fonts=()
  for font in fonts-noto-cjk fonts-noto-color-emoji; do dpkg -s "$font" >/dev/null 2>&1 || fonts+=("$font"); done
  if [ ${#fonts[@]} -gt 0 ]; then
    echo "test.sh: installing ${fonts[*]} with apt-get (for screenshots)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${fonts[@]}" >/dev/null
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Playwright must never download a browser: the tests launch Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# The JavaScript client test runs the official @microsoft/signalr package with the machine's Node.js, and the Markdown
# export test runs markdown-it. npm ci runs again only when package-lock.json is newer than what npm last installed
# (its node_modules/.package-lock.json).
js=tests/ServicePro.Modules.Chat.Tests/js
if [ ${#filter[@]} -eq 0 ] && ! [ "$js/node_modules/.package-lock.json" -nt "$js/package-lock.json" ]; then
  command -v npm >/dev/null 2>&1 || { echo "test.sh: the JavaScript client test needs Node.js and npm" >&2; exit 1; }
  (cd "$js" && npm ci --no-audit --no-fund --silent)
fi
# The browser tests' accessibility checks inject axe-core (AxeRunner), installed the same way.
axe=tests/ServicePro.EndToEnd.Tests/axe
if [ ${#filter[@]} -eq 0 ] && ! [ "$axe/node_modules/.package-lock.json" -nt "$axe/package-lock.json" ]; then
  command -v npm >/dev/null 2>&1 || { echo "test.sh: the accessibility tests need npm to install axe-core" >&2; exit 1; }
  (cd "$axe" && npm ci --no-audit --no-fund --silent)
fi

results=tests/TestResults/trx
rm -rf "$results"
mkdir -p "$results"

dotnet build ServicePro.sln -c Debug -nologo -v quiet
status=0
# The tests' processes (test hosts, the ServicePro hosts they start) live for seconds to minutes: too short for the
# runtime's profile-guided optimisation to pay back its instrumented first tier. Without it a browser-test class used
# about a tenth less CPU (ChatTests: 70–73 s of CPU in 42–44 s, against 82 s in 48 s). For the same reason their
# methods stay at the first tier (no call counting, so no second compilation in the background, which an idle host
# was still doing a minute after its start): ChatTests took 29.6 and 31.6 s of CPU, against 35.7–40.0 s in three runs
# with call counting (user + sys of the whole run). The suite is bound by the machine's two cores, so CPU is its time.
# Nothing a test checks depends on either.
DOTNET_TieredPGO=0 DOTNET_TC_CallCounting=0 dotnet test ServicePro.sln -c Debug --no-build "${filter[@]}" --logger "trx" --results-directory "$results" || status=$?

passed=0 failed=0 skipped=0 total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  t=$(value total); e=$(value executed); p=$(value passed); f=$(value failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + ${t:-0} - ${e:-0}))
  total=$((total + ${t:-0}))
done

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
