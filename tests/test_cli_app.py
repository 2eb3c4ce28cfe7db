"""`python -m vdom new`, `dev` and `build` on CPython (no browser: tests/browser/test_cli_build.py
drives the results in Chromium), the backend example's API, and `renderers.dom.mount` clearing
its container.

CPython only: the commands run subprocesses, mpy-cross and a file watcher.
"""

import json
import modulefinder
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

if sys.platform == "emscripten":
    pytest.skip("the command line runs on CPython", allow_module_level=True)

from vdom.cli import main
from vdom.cli import appkit
from vdom.cli.errors import CliError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HAVE_NODE_MODULES = appkit._fits(os.path.join(ROOT, "node_modules"))
needs_npm = pytest.mark.skipif(not HAVE_NODE_MODULES, reason="node_modules (npm ci) is not installed")


def cli(*argv):
    return main(list(argv), prog="python -m vdom")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``new`` then ``build`` (with .mpy), once for the module: (app dir, dist dir)."""
    if not HAVE_NODE_MODULES:
        pytest.skip("node_modules (npm ci) is not installed")
    base = tmp_path_factory.mktemp("cli")
    app = str(base / "myapp")
    assert cli("new", app) == 0
    assert cli("build", app, "-q") == 0
    return app, os.path.join(app, "dist")


# -- new -----------------------------------------------------------------------------------

def test_new_makes_an_app_whose_own_tests_pass(tmp_path, capsys):
    app = tmp_path / "hello"
    assert cli("new", str(app)) == 0
    out = capsys.readouterr().out
    assert "python -m vdom dev" in out and "python -m vdom build" in out
    for f in ("app.py", "index.html", "README.md", "tests/test_app.py", ".gitignore"):
        assert (app / f).is_file(), f
    src = (app / "app.py").read_text()
    assert "bind=" in src and "@t.component()" in src and 'app.page("/about"' in src and "{{" not in src
    assert '<div id="app">' in (app / "index.html").read_text()
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=str(app),
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert r.returncode == 0, r.stdout
    assert "3 passed" in r.stdout


def test_new_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "keep.txt").write_text("mine")
    assert cli("new", str(tmp_path / "x")) == 2
    err = capsys.readouterr().err
    assert "already exists and is not empty" in err and "Traceback" not in err
    assert cli("new", str(tmp_path / "bad name!")) == 2


# -- build ---------------------------------------------------------------------------------

def test_build_output_structure(built):
    app, dist = built
    for f in ("index.html", "pyvdom.js", "main.py", "pyscript-mpy.json", "pyscript-py.json", "pyscript/core.js",
              "pyscript/core.css", "interpreters/micropython/micropython.mjs",
              "interpreters/micropython/micropython.wasm", "interpreters/pyodide/pyodide.mjs",
              "interpreters/pyodide/pyodide.asm.wasm", "interpreters/pyodide/python_stdlib.zip",
              "interpreters/pyodide/pyodide-lock.json", "interpreters/pyodide/pyodide.asm.mjs", "mpy/app.mpy",
              "py/app.py", "mpy/vdom/app/router.mpy", "pyvdom-build.json"):
        assert os.path.isfile(os.path.join(dist, f)), f
    names = os.listdir(os.path.join(dist, "pyscript"))
    assert not [n for n in names if n.endswith(".map") or n.startswith(("codemirror", "xterm", "zip"))], names
    assert not os.path.exists(os.path.join(dist, "tests")) and not os.path.exists(os.path.join(dist, "README.md"))
    with open(os.path.join(dist, "main.py")) as f:
        assert f.read().startswith("import app")
    with open(os.path.join(dist, "index.html")) as f:
        assert "./pyvdom.js" in f.read()
    with open(os.path.join(dist, "pyvdom.js")) as f:
        loader = f.read()
    assert '"./pyscript-mpy.json"' in loader and "/*SETTINGS*/{}" not in loader


def _bundle(path):
    """{path in the interpreter's FS: bytes} of a module bundle (the format pyvdom.js unpacks)."""
    with open(path, "rb") as f:
        data = f.read()
    n = int.from_bytes(data[:4], "little")
    out, at = {}, 4 + n
    for rel, size in json.loads(data[4:4 + n]):
        out["./" + rel] = data[at:at + size]
        at += size
    assert at == len(data)
    return out


def _listed(dist, it):
    """(config, sorted module paths the page gets): the config's files, or its bundle's."""
    with open(os.path.join(dist, "pyscript-%s.json" % it)) as f:
        cfg = json.load(f)
    if cfg["files"]:
        return cfg, sorted(cfg["files"].values())
    with open(os.path.join(dist, "pyvdom.js")) as f:
        loader = f.read()
    settings = json.loads(loader.split("const S = ", 1)[1].split(";\n", 1)[0])
    return cfg, sorted(_bundle(os.path.join(dist, settings["bundles"][it][2:])))


def test_configs_list_exactly_the_modules_the_app_imports(built):
    """Checked against the standard library's modulefinder (another static analysis)."""
    app, dist = built
    finder = modulefinder.ModuleFinder(path=[app, ROOT])
    finder.run_script(os.path.join(app, "app.py"))
    expected = set()
    for name, mod in finder.modules.items():
        f = mod.__file__
        if name == "__main__":
            expected.add("./app.py")
        elif f and (f.startswith(app + os.sep) or f.startswith(os.path.join(ROOT, "vdom") + os.sep)
                    or f.startswith(os.path.join(ROOT, "renderers") + os.sep)):
            rel = os.path.relpath(f, app if f.startswith(app + os.sep) else ROOT)
            expected.add("./" + rel.replace(os.sep, "/"))
    cfg_py, py = _listed(dist, "py")
    cfg_mpy, mpy = _listed(dist, "mpy")
    assert set(py) == expected
    assert mpy == sorted(p[:-3] + ".mpy" for p in py)
    assert "./vdom/app/router.py" in py and "./renderers/dom.py" in py
    for absent in ("./vdom/app/testing.py", "./renderers/mock.py", "./vdom/app/server.py", "./vdom/testing/__init__.py"):
        assert absent not in py
    assert cfg_mpy["interpreter"] == "./interpreters/micropython/micropython.mjs"
    assert cfg_py["interpreter"] == "./interpreters/pyodide/pyodide.mjs"
    # The modules reach the page in one bundle per interpreter (the configs list no files), holding
    # exactly the bytes of the module files beside it; nothing else under mpy/.
    assert cfg_py["files"] == {} and cfg_mpy["files"] == {}
    for it, sub in (("mpy", "mpy"), ("py", "py")):
        for rel, data in _bundle(os.path.join(dist, sub, "modules.bundle")).items():
            with open(os.path.join(dist, sub, rel[2:]), "rb") as f:
                assert f.read() == data, rel
    shipped = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(dist, "mpy")) for f in fs]
    assert len(shipped) == len(mpy) + 1
    # The shipped sources are enough to import the app (no browser: it does not mount).
    r = subprocess.run([sys.executable, "-S", "-c", "import sys; sys.path[:] = [p for p in sys.path if 'site-packages' "
                        "not in p and p != '']; sys.path.insert(0, %r); import app; "
                        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('app', 'vdom', 'renderers')))"
                        % os.path.join(dist, "py")], cwd="/", stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert r.returncode == 0, r.stdout


def test_a_local_module_is_shipped_and_precompiled(tmp_path):
    if not HAVE_NODE_MODULES:
        pytest.skip("node_modules (npm ci) is not installed")
    app = tmp_path / "two"
    assert cli("new", str(app)) == 0
    (app / "helpers").mkdir()
    (app / "helpers" / "__init__.py").write_text("from .words import GREETING\n")
    (app / "helpers" / "words.py").write_text("GREETING = 'Hi'\n")
    (app / "unused.py").write_text("X = 1\n")
    (app / "style.css").write_text("h1 { color: red }\n")
    src = (app / "app.py").read_text().replace("from vdom.app.runtime", "from helpers import GREETING\nfrom vdom.app.runtime")
    (app / "app.py").write_text(src)
    assert cli("build", str(app), "-o", str(tmp_path / "out"), "-q") == 0
    _, mpy = _listed(str(tmp_path / "out"), "mpy")
    assert "./helpers/__init__.mpy" in mpy and "./helpers/words.mpy" in mpy and "./unused.mpy" not in mpy
    assert (tmp_path / "out" / "style.css").is_file()


def test_mpy_files_are_micropython_1_27_bytecode_and_load(built):
    app, dist = built
    with open(os.path.join(dist, "mpy", "vdom", "__init__.mpy"), "rb") as f:
        head = f.read(4)
    assert head[:2] == b"M\x06", head                  # .mpy format 6 (MicroPython 1.22 and later)
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    script = os.path.join(dist, "..", "probe_mpy.py")
    with open(script, "w") as f:
        f.write("import vdom, vdom.app, renderers\nprint('loaded', vdom.__file__, vdom.app.__file__)\n")
    r = subprocess.run([node, os.path.join(ROOT, "tools", "mpy_run.mjs"), "--copy", os.path.join(dist, "mpy") + ":/lib",
                        script], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=60)
    assert r.returncode == 0, r.stdout
    assert "loaded" in r.stdout and "__init__.mpy" in r.stdout, r.stdout


def test_build_no_mpy_ships_sources_to_both(tmp_path, built):
    app, _ = built
    out = str(tmp_path / "nompy")
    assert cli("build", app, "-o", out, "--no-mpy", "-q") == 0
    assert not os.path.exists(os.path.join(out, "mpy"))
    _, mpy = _listed(out, "mpy")
    assert mpy == _listed(out, "py")[1] and all(p.endswith(".py") for p in mpy)
    with open(os.path.join(out, "pyvdom.js")) as f:
        assert '"bundles": {"mpy": "./py/modules.bundle", "py": "./py/modules.bundle"}' in f.read()


def test_build_no_bundle_lists_the_modules_in_the_configs(tmp_path, built):
    app, dist = built
    out = str(tmp_path / "files")
    assert cli("build", app, "-o", out, "--no-bundle", "-q") == 0
    cfg, mpy = _listed(out, "mpy")
    assert all(u.startswith("./mpy/") and u.endswith(".mpy") for u in cfg["files"]) and mpy == _listed(dist, "mpy")[1]
    for url in cfg["files"]:
        assert os.path.isfile(os.path.join(out, url[2:])), url
    assert not os.path.exists(os.path.join(out, "mpy", "modules.bundle"))
    with open(os.path.join(out, "pyvdom.js")) as f:
        assert '"bundles": null' in f.read()


def _state(html):
    return json.loads(html.split('<script type="application/json" id="vdom-app-state">', 1)[1].split("</script>", 1)[0])


def test_build_prerender_writes_the_first_render_and_its_state(tmp_path, built):
    app, dist = built
    out = str(tmp_path / "pre")
    assert cli("build", app, "-o", out, "--prerender", "-q") == 0
    with open(os.path.join(out, "index.html")) as f:
        page = f.read()
    # The app's markup replaces the placeholder, as render_page wrote it (hydratable).
    container = page.split('<div id="app">', 1)[1]
    assert container.startswith('<div><nav><a href="#/"><!--[-->Home<!--]--></a>') and "Loading" not in page
    assert "<h1>Hello, world!</h1>" in container and 'class="counter">Clicks: 0</button>' in container
    assert "<title>Hello myapp</title>" in page
    head = page.split("</head>", 1)[0]
    assert "window.pyvdomEarly" in head                        # the early-events recorder, inline
    assert _state(page) == {"v": 1, "path": "/", "title": "Hello myapp", "page": "Home",
                            "page_state": {"name": ""}, "state": {}, "page_kwargs": {}}
    assert page.index("./pyvdom.js") > page.index("<h1>")          # the loader still comes last
    # Hash routing: one page (the server never sees #/about); the shipped modules are unchanged:
    # only what the app imports (render_page, renderers.html and the mock renderer stay out).
    with open(os.path.join(out, "pyvdom-build.json")) as f:
        summary = json.load(f)
    assert summary["prerendered"] == {"link_mode": "hash", "pages": {"/": "index.html"}, "skipped": {}}
    for it in ("mpy", "py"):
        assert _listed(out, it)[1] == _listed(dist, it)[1]
    py = _listed(out, "py")[1]
    for absent in ("./vdom/app/server.py", "./renderers/html.py", "./renderers/mock.py", "./renderers/htmlparse.py"):
        assert absent not in py
    assert "./vdom/app/hydration.py" in py and "./vdom/hydrate.py" in py
    # Without --prerender the page is the app's index.html as written.
    with open(os.path.join(dist, "index.html")) as f:
        assert "vdom-app-state" not in f.read()


def test_build_prerender_html5_routes_are_pages_of_their_own(tmp_path):
    if not HAVE_NODE_MODULES:
        pytest.skip("node_modules (npm ci) is not installed")
    app = tmp_path / "site"
    assert cli("new", str(app)) == 0
    src = (app / "app.py").read_text()
    src = src.replace('link_mode="hash"', 'link_mode="html5"').replace(
        '    return app\n', '    app.page("/pets/<pet_id>", name="pet")(About)\n    app.page("/docs/intro", name="intro")(About)\n'
        '    return app\n', 1)
    (app / "app.py").write_text(src)
    (app / "style.css").write_text("h1 { color: red }\n")
    out = tmp_path / "out"
    assert cli("build", str(app), "-o", str(out), "--prerender", "--no-mpy", "-q") == 0
    summary = json.loads((out / "pyvdom-build.json").read_text())
    assert summary["prerendered"] == {
        "link_mode": "html5", "skipped": {"/pets/<pet_id>": "has parameters"},
        "pages": {"/": "index.html", "/about": "about/index.html", "/docs/intro": "docs/intro/index.html"}}
    about = (out / "about" / "index.html").read_text()
    assert "<h1>About</h1>" in about and '<a href="/about">' in about
    assert _state(about)["path"] == "/about/" and _state(about)["page"] == "About"   # the URL it is served at
    assert '<head>\n  <base href="../">' in about                                    # ./pyvdom.js, ./style.css
    assert '<base href="../../">' in (out / "docs" / "intro" / "index.html").read_text()
    assert "<base" not in (out / "index.html").read_text()


def test_build_prerender_user_errors(tmp_path, capsys):
    if not HAVE_NODE_MODULES:
        pytest.skip("node_modules (npm ci) is not installed")
    app = tmp_path / "nofactory"
    assert cli("new", str(app)) == 0
    (app / "app.py").write_text((app / "app.py").read_text().replace("def make_app(", "def build_app("))
    assert cli("build", str(app), "--prerender", "--no-mpy") == 2
    err = capsys.readouterr().err
    assert "has no make_app()" in err and "Traceback" not in err.split("\n")[0]
    (app / "app.py").write_text((app / "app.py").read_text().replace("def build_app(", "def make_app(")
                                .replace('t.h1("About")', 't.h1("About %d" % (1 // 0))')
                                .replace('link_mode="hash"', 'link_mode="html5"'))
    assert cli("build", str(app), "--prerender", "--no-mpy") == 2
    err = capsys.readouterr().err
    assert "rendering /about/ raised" in err and "ZeroDivisionError" in err
    (app / "index.html").write_text('<div id="main"></div><script src="./pyvdom.js"></script>')
    (app / "app.py").write_text((app / "app.py").read_text().replace(" % (1 // 0)", ""))
    assert cli("build", str(app), "--prerender", "--no-mpy") == 2
    assert 'has no element with id="app"' in capsys.readouterr().err


def test_build_pwa_writes_manifest_icons_and_a_worker(tmp_path, built):
    app, _ = built
    out = str(tmp_path / "pwa")
    assert cli("build", app, "-o", out, "--pwa", "--name", "My App", "-q") == 0
    with open(os.path.join(out, "manifest.webmanifest")) as f:
        manifest = json.load(f)
    assert manifest["name"] == "My App" and manifest["display"] == "standalone" and manifest["start_url"] == "./"
    for icon in manifest["icons"]:
        with open(os.path.join(out, icon["src"]), "rb") as f:
            data = f.read()
        w = int.from_bytes(data[16:20], "big")
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and "%dx%d" % (w, w) == icon["sizes"]
    with open(os.path.join(out, "index.html")) as f:
        assert 'rel="manifest"' in f.read()
    with open(os.path.join(out, "sw.js")) as f:
        sw = f.read()
    precache = json.loads(sw.split("const PRECACHE = ", 1)[1].split(";\n", 1)[0])
    for url in precache[1:]:
        assert os.path.isfile(os.path.join(out, url[2:])), url
    assert "./interpreters/micropython/micropython.wasm" in precache and "./mpy/app.mpy" in precache
    assert not [u for u in precache if "pyodide" in u]          # cached when ?py first loads them
    with open(os.path.join(out, "pyvdom.js")) as f:
        assert '"sw": "./sw.js"' in f.read()


def test_build_user_errors_exit_2_with_a_message(tmp_path, capsys, built):
    app, _ = built
    other = tmp_path / "other"
    other.mkdir()
    (other / "precious.txt").write_text("x")
    assert cli("build", app, "-o", str(other)) == 2
    assert "holds no earlier build" in capsys.readouterr().err and (other / "precious.txt").exists()
    assert cli("build", str(tmp_path / "nowhere")) == 2
    assert "no such app folder" in capsys.readouterr().err
    broken = tmp_path / "broken"
    assert cli("new", str(broken)) == 0
    (broken / "app.py").write_text("def f(:\n    pass\n")
    assert cli("build", str(broken)) == 2
    err = capsys.readouterr().err
    assert "SyntaxError" in err and "app.py:1" in err and "Traceback" not in err
    (broken / "app.py").write_text("x = 1\n")
    (broken / "index.html").write_text("<div id=app></div>")
    assert cli("build", str(broken)) == 2
    assert "does not load ./pyvdom.js" in capsys.readouterr().err


def test_npm_pins_are_the_repository_s_and_missing_npm_is_explained(tmp_path, monkeypatch):
    with open(os.path.join(ROOT, "package.json")) as f:
        repo = json.load(f)["dependencies"]
    assert appkit.pins() == {k: repo[k] for k in appkit.pins()}
    with open(os.path.join(appkit.NPM_DIR, "package-lock.json")) as f:
        lock = json.load(f)["packages"]
    for pkg, version in appkit.pins().items():
        assert lock["node_modules/" + pkg]["version"] == version
    monkeypatch.setattr(appkit, "PYVDOM_ROOT", str(tmp_path))
    monkeypatch.setenv("PYVDOM_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("PYVDOM_NODE_MODULES", raising=False)
    monkeypatch.setattr(appkit.shutil, "which", lambda name: None)
    with pytest.raises(CliError) as e:
        appkit.find_node_modules(str(tmp_path))
    assert "node is not installed" in e.value.message and "pyodide@314.0.7" in e.value.message
    assert "--cdn" in e.value.message


# -- dev -----------------------------------------------------------------------------------

def _get(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.status, r.read().decode("utf-8")


@needs_npm
def test_dev_serves_the_page_modules_and_configs_and_reports_changes(tmp_path):
    from vdom.cli import dev

    app = tmp_path / "devapp"
    assert cli("new", str(app)) == 0
    srv, watcher = dev.make_server(str(app), port=0)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    watcher.start()
    base = "http://127.0.0.1:%d/" % srv.server_address[1]
    try:
        assert "pyvdom.js" in _get(base)[1]
        loader = _get(base + "pyvdom.js")[1]
        assert '"dev": "/__vdom__/events"' in loader and "/node_modules/@pyscript/core/dist/core.js" in loader
        cfg = json.loads(_get(base + "__vdom__/config-mpy.json")[1])
        assert cfg["files"]["/app.py"] == "./app.py"
        assert cfg["files"]["/__pyvdom__/vdom/app/router.py"] == "./vdom/app/router.py"
        assert "/__pyvdom__/renderers/mock.py" not in cfg["files"]
        assert cfg["interpreter"].endswith("/micropython.mjs")
        assert json.loads(_get(base + "__vdom__/config-py.json")[1])["interpreter"].endswith("/pyodide.mjs")
        assert "import app" in _get(base + "__vdom__/dev_main.py")[1]
        assert "def h(" in _get(base + "__pyvdom__/vdom/vnode.py")[1] or _get(base + "__pyvdom__/vdom/vnode.py")[0] == 200
        for bad in ("__pyvdom__/../pyproject.toml", "__pyvdom__/tests/conftest.py", "node_modules/morphdom/package.json"):
            with pytest.raises(urllib.error.HTTPError):
                _get(base + bad)
        assert _get(base + "node_modules/pyodide/package.json")[0] == 200
        # A change reloads; a syntax error is reported instead; fixing it reloads.
        q = srv.hub.subscribe()
        time.sleep(0.3)
        src = (app / "app.py").read_text()
        (app / "app.py").write_text(src.replace("Hello, %s!", "Howdy, %s!"))
        assert q.get(timeout=10) == ("reload", None)
        (app / "app.py").write_text(src.replace("def inc(self, event):", "def inc(self, event)"))
        event, text = q.get(timeout=10)
        assert event == "error-text" and "SyntaxError" in text and "app.py:" in text, text
        (app / "app.py").write_text(src)
        assert q.get(timeout=10) == ("reload", None)
        (app / "tests" / "test_app.py").write_text("# tests do not reload the page\n")
        (app / "notes.txt").write_text("neither do other files")
        time.sleep(0.6)
        assert q.empty()
    finally:
        srv.stopping = True
        srv.stop_event.set()
        srv.shutdown()
        srv.server_close()


def test_dev_user_errors(tmp_path, capsys):
    assert cli("dev", str(tmp_path / "missing")) == 2
    assert "no such app folder" in capsys.readouterr().err
    (tmp_path / "app.py").write_text("x = 1\n")
    assert cli("dev", str(tmp_path)) == 2
    assert "index.html is missing" in capsys.readouterr().err


# -- the backend example's API -------------------------------------------------------------

def test_backend_example_api_lists_adds_edits_deletes():
    pytest.importorskip("flask")
    import importlib.util

    path = os.path.join(ROOT, "examples", "backend", "server.py")
    spec = importlib.util.spec_from_file_location("backend_example_server", path)  # not "server": two examples have one
    server = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(server)
    client = server.create_app(dist="/nonexistent").test_client()
    items = client.get("/api/items").get_json()
    assert [i["id"] for i in items] == [1, 2, 3] and items[0]["done"] is False
    r = client.post("/api/items", json={"text": " Milk "})
    assert r.status_code == 201 and r.get_json() == {"id": 4, "text": "Milk", "done": False}
    assert client.put("/api/items/4", json={"done": True, "text": "Oat milk"}).get_json()["text"] == "Oat milk"
    assert client.delete("/api/items/2").status_code == 204
    assert [(i["id"], i["done"]) for i in client.get("/api/items").get_json()] == [(1, False), (3, False), (4, True)]
    assert client.delete("/api/items/2").status_code == 404
    assert client.post("/api/items", json={"text": ""}).status_code == 400
    assert client.put("/api/items/1", json={"done": "yes"}).status_code == 400
    assert client.get("/").status_code == 503                  # front end not built: says how


# -- renderers.dom.mount clears the placeholder --------------------------------------------

def test_dom_mount_clears_the_container_s_placeholder():
    from test_dom_renderer import FakeDocument, FakeProxy, fake_js
    from renderers.dom import DomRenderer, mount
    from vdom import h

    doc = FakeDocument()
    container = doc.querySelector("#app")
    container.insertBefore(container, doc.createTextNode("Loading..."), None)
    doc.querySelector = lambda sel: container if sel == "#app" else None
    r = DomRenderer(document=doc, js=fake_js(), create_proxy=FakeProxy)
    root = mount("#app", renderer=r)
    root.render(h("b", None, "ok"))
    assert [c.tag for c in container.children] == ["b"]
