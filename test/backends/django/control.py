#!/usr/bin/env python3
"""
Make a server-side change from the command line (used by tests while daphne is down; the same
actions are served over HTTP at /__test__/ when daphne runs with REFSITE_TEST_CONTROL=1).

  REFSITE_DB_PATH=... REFSITE_REDIS_PORT=... /usr/bin/python3 control.py order '{"id": 101, "fields": {"status": "Done"}}'

Commands: order, notify, booking, smarthunt_message, notice, register, erp_publish, erp_presence,
and batch
('[["order", {...}], ["register", {...}]]'), see testcontrol/actions.py.
Prints the result as JSON; exits 2 with {"error": ...} on stderr when the change is refused.
"""
import json
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'refsite.settings')
    import django
    django.setup()
    from testcontrol import actions

    command, args = sys.argv[1], json.loads(sys.argv[2])
    if command not in actions.COMMANDS:
        sys.exit(f'unknown command {command!r}; use one of {sorted(actions.COMMANDS)}')
    try:
        print(json.dumps(actions.COMMANDS[command](args)))
    except actions.ControlError as e:
        print(json.dumps({'error': str(e), 'status': e.status}), file=sys.stderr)
        sys.exit(2)


if __name__ == '__main__':
    main()
