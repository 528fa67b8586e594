#!/usr/bin/env python3
"""
Create the database (migrate) and the demo data, then print every token the tests need as one
JSON line on stdout. Safe to run again on the same database: existing data is kept and fresh
JWTs are minted.

  REFSITE_DB_PATH=/tmp/refsite/db.sqlite3 /usr/bin/python3 seed.py

Exit status 3 (with {"missing": [...]} on stderr) when a Debian python3-* package is missing.
"""
import importlib
import json
import os
import sys

REQUIRED = {
    'django': 'python3-django',
    'channels': 'python3-django-channels',
    'daphne': 'python3-daphne',
    'channels_redis': 'python3-channels-redis',
    'rest_framework': 'python3-djangorestframework',
    'rest_framework_simplejwt': 'python3-djangorestframework-simplejwt',
    'jwt': 'python3-jwt',
}


def check_imports():
    missing = []
    for module, package in REQUIRED.items():
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append({'module': module, 'package': package})
    if missing:
        print(json.dumps({'missing': missing}), file=sys.stderr)
        sys.exit(3)


def main():
    check_imports()
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'refsite.settings')
    import django
    django.setup()

    from django.core.management import call_command

    from refsite.realtime import BROADCASTS

    BROADCASTS['enabled'] = False  # nobody listens yet; Redis may still be starting
    call_command('migrate', verbosity=0, interactive=False)
    from seeddata import create_demo_data, tokens_json

    create_demo_data()
    print(json.dumps(tokens_json()))


if __name__ == '__main__':
    main()
