#!/usr/bin/env bash
# `manage.py check --deploy` with production settings. Fails on any error or
# warning except security.W021 (HSTS preload: a choice the gemeente makes).
set -u
out=$(env -u DATABASE_URL \
  DJANGO_DEBUG=0 \
  DJANGO_SECRET_KEY="$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
  DJANGO_ALLOWED_HOSTS=armoedepact.westerkwartier.example \
  DATABASE_URL=postgresql://armoedepact:geheim@db.example.invalid:5432/armoedepact \
  EMAIL_HOST=smtp.example.invalid \
  VERSLEUTELING_SLEUTELS="$(.venv/bin/python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')" \
  .venv/bin/python manage.py check --deploy 2>&1)
status=$?
echo "$out"
[ $status -eq 0 ] || exit $status
if echo "$out" | grep -E '\([a-z_.]+\.[EW][0-9]+\)' | grep -v 'security.W021' | grep -q .; then
  echo "check --deploy reported problems other than security.W021" >&2
  exit 1
fi
