#!/usr/bin/env bash
# Start the local PostgreSQL server (Debian's cluster) and make sure the test role and database
# exist. Prints the SQLAlchemy URL the server tests use (TIANMU_TEST_PG_URL).
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 50); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 0.2
done
pg_isready -q -h 127.0.0.1 || { echo "PostgreSQL did not start" >&2; exit 1; }
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='tianmu'\"" | grep -q 1 \
  || as_postgres "psql -qc \"CREATE ROLE tianmu LOGIN PASSWORD 'tianmu' CREATEDB\""
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='tianmu_test'\"" | grep -q 1 \
  || as_postgres "createdb -O tianmu tianmu_test"
echo "postgresql+psycopg://tianmu:tianmu@127.0.0.1:5432/tianmu_test"
