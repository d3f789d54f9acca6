#!/usr/bin/env bash
# Install the pinned front-end packages from npm and copy the files the pages load
# into server/static/vendor/, so that the server serves them itself (no CDN).
set -euo pipefail
cd "$(dirname "$0")/.."
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
out=server/static/vendor
mkdir -p "$out"
cp node_modules/@zazuko/yasgui/build/yasgui.min.js node_modules/@zazuko/yasgui/build/yasgui.min.css "$out/"
cp node_modules/cytoscape/dist/cytoscape.min.js "$out/"
# axe-core is for the browser tests only (tests/browser/test_accessibility.py): not served.
mkdir -p tests/browser/vendor
cp node_modules/axe-core/axe.min.js tests/browser/vendor/
