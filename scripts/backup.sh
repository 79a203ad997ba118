#!/usr/bin/env bash
# Backs up the portal: the PostgreSQL database (custom format, pg_dump -Fc), the generated
# documents (DOCUMENTS_ROOT) and the uploaded files (MEDIA_ROOT), into one dated folder.
#
#   DATABASE_URL=postgres://user@host:5432/isu scripts/backup.sh [target folder]
#
# Writes <target>/isu-<UTC timestamp>/{database.dump,documents.tar.gz,media.tar.gz,SHA256SUMS}
# and prints that folder. Safe while the portal runs: pg_dump reads one consistent snapshot.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the portal database (postgres://...)}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCUMENTS_ROOT="${DOCUMENTS_ROOT:-$ROOT/var/documents}"
MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/var/media}"
TARGET="${1:-$ROOT/var/backups}"
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="$TARGET/isu-$STAMP"
mkdir -p "$OUT"

pg_dump --format=custom --no-owner --no-privileges --file="$OUT/database.dump" "$DATABASE_URL"
for name in documents media; do
  folder="$DOCUMENTS_ROOT"; [ "$name" = media ] && folder="$MEDIA_ROOT"
  if [ -d "$folder" ]; then
    tar -czf "$OUT/$name.tar.gz" -C "$folder" .
  else  # an empty archive, so that a restore always finds both
    tar -czf "$OUT/$name.tar.gz" -T /dev/null
  fi
done
(cd "$OUT" && sha256sum database.dump documents.tar.gz media.tar.gz > SHA256SUMS)
echo "$OUT"
