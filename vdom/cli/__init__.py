"""pyvdom's command-line tool: ``python -m vdom`` or the ``pyvdom`` console script.

CPython only; ``import vdom`` never imports this package (the core stays small for MicroPython).

Adding a command
----------------
Every command is a module ``vdom/cli/<name>.py`` listed in :data:`COMMANDS` (name -> module,
one-line summary). The module exposes:

* ``add_arguments(parser)``: adds its options to its ``argparse`` sub-parser. The module's
  docstring becomes the description shown by ``--help`` (keep its first line short).
* ``run(args) -> int``: does the work and returns the exit status (``None`` counts as 0).
  ``args.command`` holds the command's name.

User errors (missing file, bad value, missing ``node``) are reported by raising
``vdom.cli.errors.CliError("message")``: :func:`main` prints ``pyvdom <command>: message`` on
stderr and exits with status 2 (or ``CliError(msg, status=N)``), no traceback. Bad arguments are
reported by argparse itself (usage + message, status 2). Only the chosen command's module is
imported; a command whose module is missing answers "not available" with status 2.
"""

import argparse
import importlib
import sys

from vdom.cli.errors import CliError, UsageError

# The registry: command name -> (module, one-line summary for `pyvdom --help`).
COMMANDS = {
    "new": ("vdom.cli.new", "create a new vdom.app app folder that runs at once"),
    "dev": ("vdom.cli.dev", "serve an app on 127.0.0.1 with live reload"),
    "build": ("vdom.cli.build", "build a static folder that works offline under both interpreters"),
    "convert": ("vdom.cli.convert", "convert HTML into Python that builds the same markup"),
    "bench": ("vdom.cli.bench", "time your own patch scenarios under CPython, Pyodide and MicroPython"),
}

PROG = "pyvdom"

__all__ = ["main", "COMMANDS", "CliError", "UsageError"]


def _version():
    try:
        import vdom
        return vdom.__version__
    except Exception:  # pragma: no cover - vdom always importable here
        return "?"


def _load(name):
    """The command's module, or None when it does not exist (yet)."""
    modname = COMMANDS[name][0]
    try:
        return importlib.import_module(modname)
    except ModuleNotFoundError as exc:
        if exc.name == modname:
            return None
        raise


def _chosen(argv):
    """The command named in argv (the first non-option word), or None."""
    for word in argv:
        if word == "--":
            return None
        if not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def _build_parser(prog, chosen):
    parser = argparse.ArgumentParser(
        prog=prog,
        description="pyvdom's command-line tool. Run `%s COMMAND --help` for a command's options." % prog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version="pyvdom " + _version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    module = None
    for name in COMMANDS:  # insertion order: the order of `pyvdom --help`
        summary = COMMANDS[name][1]
        if name != chosen:
            sub.add_parser(name, help=summary, description=summary)
            continue
        module = _load(name)
        if module is None:
            return parser, None
        doc = (module.__doc__ or summary).strip()
        cmd = sub.add_parser(name, help=summary, description=doc,
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(cmd)
    return parser, module


def main(argv=None, prog=PROG):
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    if argv is None:
        argv = sys.argv[1:]
    argv = list(argv)
    chosen = _chosen(argv)
    try:
        parser, module = _build_parser(prog, chosen)
        if chosen is not None and module is None:
            raise CliError("not available in this version of pyvdom (no module %s)" % COMMANDS[chosen][0])
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return 2
        status = module.run(args)
        return 0 if status is None else int(status)
    except CliError as exc:
        sys.stdout.flush()
        sys.stderr.write("%s %s: %s\n" % (prog, chosen or "", exc.message) if chosen
                         else "%s: %s\n" % (prog, exc.message))
        return exc.status
    except SystemExit as exc:  # argparse: --help / --version (0) and bad arguments (2)
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        sys.stderr.write("%s\n" % code)
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("%s: interrupted\n" % prog)
        return 130
    except BrokenPipeError:  # `pyvdom convert x.html | head`
        try:
            sys.stdout = None
        except Exception:
            pass
        return 1
