"""``python -m vdom``: pyvdom's command-line tool (CPython only; see vdom/cli/__init__.py)."""

import sys

from vdom.cli import main

if __name__ == "__main__":
    sys.exit(main(prog="python -m vdom"))
