#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh into a FRESH database and empty file folders.
#
#   DATABASE_URL=postgres://user@host:5432/isu_restored scripts/restore.sh var/backups/isu-...
#
# The database named in DATABASE_URL must exist and be empty (createdb it first); the script
# refuses to restore over a database that already has tables, and checks the archive sums.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the (empty) database to restore into}"
BACKUP="${1:?give the backup folder (var/backups/isu-...)}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCUMENTS_ROOT="${DOCUMENTS_ROOT:-$ROOT/var/documents}"
MEDIA_ROOT="${MEDIA_ROOT:-$ROOT/var/media}"

(cd "$BACKUP" && sha256sum --check --quiet SHA256SUMS)
tables="$(psql "$DATABASE_URL" -Atc "select count(*) from pg_tables where schemaname = 'public'")"
if [ "$tables" != "0" ]; then
  echo "refusing: the target database already has $tables tables; restore into a fresh one" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$DATABASE_URL" \
  "$BACKUP/database.dump"
mkdir -p "$DOCUMENTS_ROOT" "$MEDIA_ROOT"
tar -xzf "$BACKUP/documents.tar.gz" -C "$DOCUMENTS_ROOT"
tar -xzf "$BACKUP/media.tar.gz" -C "$MEDIA_ROOT"
# Pages kept by running web workers describe the data before the restore: mark every table as
# written (no-op without Redis, where each process only keeps its own pages until restarted).
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
if [ -x "$PYTHON" ]; then
  "$PYTHON" "$ROOT/manage.py" clear_page_cache \
    || echo "warning: could not mark kept pages stale; restart the web workers" >&2
fi
echo "restored $BACKUP"
