"""Create a new vdom.app app folder that runs at once.

NAME/app.py is a page with a component, a bound input and a second route; NAME/index.html
the page that loads it (under MicroPython, or Pyodide with ?py); NAME/tests/ its tests on the
mock renderer (python -m pytest NAME/tests); NAME/README.md the next commands:

    python -m vdom new myapp
    python -m vdom dev myapp        # serve with live reload
    python -m vdom build myapp      # a static folder that works offline
"""

import os
import re

from vdom.cli.appkit import TEMPLATES
from vdom.cli.errors import CliError

# template file -> file in the new folder
FILES = (("app.py", "app.py"), ("index.html", "index.html"), ("README.md", "README.md"),
         ("tests/test_app.py", "tests/test_app.py"), ("gitignore", ".gitignore"))


def add_arguments(parser):
    parser.add_argument("name", metavar="NAME", help="the folder to create (its base name is the app's title)")
    parser.add_argument("--title", help="the page title (default: NAME)")
    parser.add_argument("--force", action="store_true", help="write into an existing folder (files are overwritten)")


def create(path, title=None, force=False):
    """Write the app folder; returns the list of files written."""
    path = os.path.abspath(path)
    name = os.path.basename(path.rstrip(os.sep))
    if not name or not re.match(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", name):
        raise CliError("%r is not a usable folder name: use letters, digits, '-', '_' or '.'" % name)
    if os.path.exists(path) and not os.path.isdir(path):
        raise CliError("%s exists and is not a folder" % path)
    if os.path.isdir(path) and os.listdir(path) and not force:
        raise CliError("%s already exists and is not empty (pick another NAME, or --force to overwrite "
                       "its app.py, index.html, README.md and tests/test_app.py)" % path)
    values = {"name": name, "title": title or name}
    written = []
    for src, dst in FILES:
        with open(os.path.join(TEMPLATES, "app", src), encoding="utf-8") as f:
            text = f.read()
        for k, v in values.items():
            text = text.replace("{{%s}}" % k, v)
        out = os.path.join(path, dst)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
        written.append(out)
    return written


def run(args):
    create(args.name, args.title, args.force)
    name = args.name
    print("Created %s/: app.py, index.html, tests/test_app.py, README.md. Next:\n"
          "  python -m vdom dev %s          # serve it with live reload (?py: Pyodide)\n"
          "  python -m pytest %s/tests      # its tests (mock renderer, no browser)\n"
          "  python -m vdom build %s        # %s/dist/: a static folder that works offline"
          % (name, name, name, name, name))
    return 0
