#!/bin/sh
# Renders the HTML report of a project in headless Chromium, as a PNG screenshot and a
# PDF (the print stylesheet), so a person can look at both.
#
#   scripts/render-report.sh [PROJECT.ron] [OUT_DIR]
#
# Defaults: the bundled sample project, and target/report/. Needs Debian's `chromium`
# (apt-get install chromium). Not part of `cargo test`: CI machines may lack a browser.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
project=${1:-"$root/projects/harbour-accord/harbour-accord.ron"}
out=${2:-"$root/target/report"}
width=${WIDTH:-1200}
height=${HEIGHT:-1800}
mkdir -p "$out"
out=$(cd "$out" && pwd)

# A fixed date keeps the screenshot the same from one run to the next.
cargo run --quiet -- export "$project" --format html --date 2024-05-20 -o "$out/report.html"

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
browser() {
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
        --user-data-dir="$profile" "$@" "file://$out/report.html" 2>/dev/null
}
browser --screenshot="$out/report.png" --window-size="$width,$height"
browser --print-to-pdf="$out/report.pdf" --no-pdf-header-footer
echo "wrote $out/report.html, $out/report.png and $out/report.pdf"
