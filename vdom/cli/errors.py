"""Errors of the command-line tool (CPython only).

A command raises :class:`CliError` (or its alias :class:`UsageError`) for anything the *user*
can fix: a missing file, a bad option value, a missing ``node``. ``vdom.cli.main`` turns it into
``pyvdom <command>: message`` on stderr and the exit status (2 unless given), never a traceback.
"""


class CliError(Exception):
    """A user error: printed as ``pyvdom <command>: message``, exit status ``status`` (2)."""

    def __init__(self, message, status=2):
        Exception.__init__(self, message)
        self.message = message
        self.status = status

    def __str__(self):
        return self.message


UsageError = CliError
