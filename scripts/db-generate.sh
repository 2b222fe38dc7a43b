#!/usr/bin/env bash
# Writes a migration for the current drizzle schema. Usage: scripts/db-generate.sh <name>
# A file lock keeps two generators from numbering migrations at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/db-generate.sh <snake_case_name>}"
exec 9>node_modules/.db-generate.lock
flock 9
npx drizzle-kit generate --config drizzle.config.ts --name "$name"
