"""
Exec a command that receives SIGTERM when the process that spawned it dies, even by SIGKILL
(Linux PR_SET_PDEATHSIG survives exec). startDjangoBackend.ts starts redis-server and daphne
through this, so neither can outlive a test run that crashed or was killed.

  DIE_WITH_PARENT_PID=<spawner pid> /usr/bin/python3 die_with_parent.py <command> [args...]
"""
import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1

try:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
except (OSError, AttributeError):
    pass  # not Linux: the harness's own stop() and exit hook still apply
expected = os.environ.pop('DIE_WITH_PARENT_PID', None)
if expected is not None and os.getppid() != int(expected):
    sys.exit(1)  # the spawner died before prctl took effect
os.execvp(sys.argv[1], sys.argv[1:])
