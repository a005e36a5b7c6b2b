#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1:5432 with a password-protected test role.
# Idempotent: safe to run when the server is already up.
set -euo pipefail
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main
fi
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
su postgres -c "psql -q -v ON_ERROR_STOP=1" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dyadwatch') THEN
    CREATE ROLE dyadwatch LOGIN CREATEDB PASSWORD 'dyadwatch';
  END IF;
END $$;
SQL
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname = 'dyadwatch_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O dyadwatch dyadwatch_test"
echo "PostgreSQL $version is up on 127.0.0.1:5432"
