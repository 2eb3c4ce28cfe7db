"""The command-line tool (`python -m vdom`, `pyvdom`): dispatcher, `convert`, `bench` (CPython)."""

import json
import os
import shutil
import subprocess
import sys

import pytest

# The command line is a CPython tool (subprocesses, node, the file system).
if sys.platform == "emscripten":
    pytest.skip("the pyvdom command line runs on CPython", allow_module_level=True)

from vdom.cli import main, COMMANDS
from vdom.cli import convert as conv

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "tests", "data", "convert")
CORPUS_FILES = sorted(f for f in os.listdir(CORPUS) if f.endswith(".html"))


def cli(capsys, *argv):
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


# -- the dispatcher -----------------------------------------------------------------------------

def test_import_vdom_does_not_import_the_cli():
    code = "import sys, vdom, vdom.app; print([m for m in sys.modules if m.startswith('vdom.cli')])"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_help_lists_every_command(capsys):
    rc, out, err = cli(capsys, "--help")
    assert rc == 0
    for name in ("new", "dev", "build", "convert", "bench"):
        assert name in out
    assert set(COMMANDS) == {"new", "dev", "build", "convert", "bench"}


def test_no_command_and_unknown_command(capsys):
    rc, out, err = cli(capsys)
    assert rc == 2 and "usage:" in err
    rc, out, err = cli(capsys, "frobnicate")
    assert rc == 2 and "invalid choice" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["convert", "bench"])
def test_command_help_and_bad_arguments(capsys, name):
    rc, out, err = cli(capsys, name, "--help")
    assert rc == 0 and "usage: pyvdom %s" % name in out
    rc, out, err = cli(capsys, name, "x.html", "--no-such-option")
    assert rc == 2 and "unrecognized arguments" in err and "Traceback" not in err
    rc, out, err = cli(capsys, name)  # the FILE is missing
    assert rc == 2 and "required" in err


def test_missing_command_module_is_not_available(capsys, monkeypatch):
    monkeypatch.setitem(COMMANDS, "convert", ("vdom.cli.no_such_module", "x"))
    rc, out, err = cli(capsys, "convert", "x.html")
    assert rc == 2
    assert err.strip() == "pyvdom convert: not available in this version of pyvdom (no module vdom.cli.no_such_module)"


def test_python_dash_m_vdom_runs():
    p = subprocess.run([sys.executable, "-m", "vdom", "convert", "/no/such/file.html"], cwd=ROOT,
                       capture_output=True, text=True)
    assert p.returncode == 2
    assert p.stderr.strip() == "python -m vdom convert: /no/such/file.html: no such file"


# -- convert: user errors -----------------------------------------------------------------------

def test_convert_user_errors(capsys, tmp_path):
    rc, out, err = cli(capsys, "convert", str(tmp_path / "missing.html"))
    assert rc == 2 and "no such file" in err and "Traceback" not in err
    rc, out, err = cli(capsys, "convert", str(tmp_path))
    assert rc == 2 and "is a directory" in err
    binary = tmp_path / "logo.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    rc, out, err = cli(capsys, "convert", str(binary))
    assert rc == 2 and "looks binary" in err
    latin = tmp_path / "latin.html"
    latin.write_bytes("<p>caf\xe9</p>".encode("latin-1"))
    rc, out, err = cli(capsys, "convert", str(latin))
    assert rc == 2 and "not valid utf-8" in err and "--encoding" in err
    rc, out, err = cli(capsys, "convert", "--encoding", "latin-1", "--format", "none", str(latin))
    assert rc == 0 and 't.p("caf\xe9")' in out
    empty = tmp_path / "empty.html"
    empty.write_text("  \n")
    rc, out, err = cli(capsys, "convert", str(empty))
    assert rc == 2 and "empty" in err
    unclosed = tmp_path / "unclosed.html"
    unclosed.write_text("<p>a</p>\n<script>go()\n<p>b</p>\n")
    rc, out, err = cli(capsys, "convert", str(unclosed))
    assert rc == 2 and "line 2: <script> is never closed" in err
    rc, out, err = cli(capsys, "convert", "--lenient", "--format", "none", str(unclosed))
    assert rc == 0 and 't.script(trusted("go()\\n<p>b</p>\\n"))' in out
    rc, out, err = cli(capsys, "convert", "--style", "x", str(unclosed))
    assert rc == 2 and "invalid choice" in err
    rc, out, err = cli(capsys, "convert", "--name", "not valid", str(latin))
    assert rc == 2 and "not a Python identifier" in err
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 200 + "x" + "</div>" * 200)
    for style in ("t", "h"):
        rc, out, err = cli(capsys, "convert", "--style", style, "--format", "none", str(deep))
        assert rc == 2 and "nested more than 180 levels deep" in err and "Traceback" not in err


def test_convert_stdin_and_output_file(tmp_path, monkeypatch, capsys):
    import io

    class In:
        buffer = io.BytesIO(b"<ul><li>a</li> <li>b &amp; c</li></ul>")
    monkeypatch.setattr(sys, "stdin", In)
    target = tmp_path / "out.py"
    rc, out, err = cli(capsys, "convert", "-", "--format", "none", "-o", str(target), "--check")
    assert rc == 0, err
    code = target.read_text()
    assert "class ConvertedPage(Page):" in code
    assert 't.li("b & c")' in code


# -- convert: exact output ----------------------------------------------------------------------

def test_convert_t_output():
    src = ('<!-- note -->\n<div class="card" id="x" data-id="7" aria-label="Card" for="a" '
           '@click="go" hidden>\n  <p>Hi <b>you</b> &amp; me</p>\n  <sl-button>Go</sl-button>\n</div>')
    code = conv.convert(src, style="t", name="Card")
    assert code.split("\n", 1)[1] == '''from vdom.app import Page, t


class Card(Page):
    def populate(self):
        # note
        with t.div(
            classes="card",
            id="x",
            data_id="7",
            aria_label="Card",
            for_="a",
            hidden=True,
            **{"@click": "go"},
        ):
            with t.p():
                t("Hi ")
                t.b("you")
                t(" & me")
            t.sl_button("Go")
'''


def test_convert_h_output():
    code = conv.convert('<p class="a">x<br>y</p><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>',
                        style="h", name="view")
    assert code.split("\n", 1)[1] == '''from vdom import h


def view():
    return [
        h("p", {"class": "a"}, "x", h("br"), "y"),
        h("svg", {"viewBox": "0 0 1 1"}, h("path", {"d": "M0 0"})),
    ]
'''


def test_whitespace_rule():
    code = conv.convert("<div>\n  <p>\n    a  <b>b</b> <i>c</i>\n  </p>\n  <pre>  x\n  y </pre>\n</div>",
                        name="P")
    assert 't("a ")' in code and 't(" ")' in code
    assert 't.pre("  x\\n  y ")' in code
    html = conv.render_generated(code, "t", "P")
    assert html == "<div><p>a <b>b</b> <i>c</i></p><pre>  x\n  y </pre></div>"


def test_deep_nesting_switches_to_nested_calls():
    depth = 40
    src = "<div>" * depth + "x<b>y</b>" + "</div>" * depth
    for style in ("t", "h"):
        code = conv.convert(src, style=style)
        compile(code, "<test>", "exec")
        assert conv.roundtrip_problem(src, code, style=style) is None


def test_unrepresentable_attributes_and_special_names():
    src = '<div my_attr="1" key="k">x</div><a href="javascript:go()" onclick="go()">y</a><del>z</del>'
    code = conv.convert(src, style="t")
    assert 't(h("div", {"my_attr": "1"}, "x"))' in code  # t turns "_" into "-": h() keeps it
    assert "onclick=trusted(\"go()\")" in code and 'href=trusted("javascript:go()")' in code
    assert 't.del_("z")' in code
    hcode = conv.convert(src, style="h")
    assert "Warning: <div key=...>" in hcode


def test_whole_document(tmp_path, capsys):
    path = os.path.join(CORPUS, "document.html")
    rc, out, err = cli(capsys, "convert", "--format", "none", path)
    assert rc == 0
    assert "A whole document: this is the content of its <body>" in out
    assert "t.title" not in out and "with t.main():" in out
    rc, out, err = cli(capsys, "convert", "--format", "none", "--whole", "--style", "h", "--check", path)
    assert rc == 0, err
    assert 'h("title", None, "Acme — Home")' in out and 'h("body", {"class": "home"' in out


# -- convert: the corpus round trip ------------------------------------------------------------

@pytest.mark.parametrize("style", ["t", "h"])
@pytest.mark.parametrize("name", CORPUS_FILES)
def test_corpus_round_trip(name, style):
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        src = f.read()
    code = conv.convert(src, style=style, name="Converted" if style == "t" else "converted")
    compile(code, name, "exec")
    problem = conv.roundtrip_problem(src, code, style=style)
    assert problem is None, problem
    # and the normalisation is not vacuous: the input has markup and text
    assert len(conv.normalized(src)) >= 1


def test_round_trip_check_catches_a_difference():
    code = conv.convert("<p>a</p>", name="P").replace('"a"', '"b"')
    assert "'a' vs 'b'" in conv.roundtrip_problem("<p>a</p>", code, "t", "P")


def test_formatter_missing_and_fake(tmp_path, capsys, monkeypatch):
    src = tmp_path / "x.html"
    src.write_text("<p>x</p>")
    cat = shutil.which("cat")
    monkeypatch.setenv("PATH", str(tmp_path))  # no black, no ruff
    monkeypatch.setattr(conv.importlib.util, "find_spec", lambda name: None)
    rc, out, err = cli(capsys, "convert", "--format", "black", str(src))
    assert rc == 2 and "black is not installed" in err
    rc, out, err = cli(capsys, "convert", "--format", "auto", str(src))
    assert rc == 0 and 't.p("x")' in out
    fake = tmp_path / "ruff"
    fake.write_text("#!/bin/sh\necho '# formatted by fake ruff'\nexec %s\n" % cat)
    fake.chmod(0o755)
    rc, out, err = cli(capsys, "convert", str(src))  # auto picks the installed one
    assert rc == 0 and out.startswith("# formatted by fake ruff")


# -- bench --------------------------------------------------------------------------------------

SCENARIOS = '''
from vdom import h

def rows(ids, selected=None):
    return h("ul", None, [h("li", {"key": i, "class": "sel" if i == selected else None}, str(i))
                          for i in ids])

SCENARIOS = {
    "swap": (lambda: rows(range(20)), [lambda: rows([19] + list(range(1, 19)) + [0]),
                                       lambda: rows(range(20), selected=3)]),
}
'''


def test_bench_cpython(tmp_path, capsys):
    f = tmp_path / "scen.py"
    f.write_text(SCENARIOS)
    rc, out, err = cli(capsys, "bench", str(f), "--interpreters", "cpython", "--runs", "2", "--json")
    assert rc == 0, err
    data = json.loads(out)
    res = data["results"][0]
    assert res["impl"] == "cpython" and res["runs"] == 2
    sc = res["scenarios"]["swap"]
    assert [s["name"] for s in sc["steps"]] == ["mount", "update 1", "update 2"]
    assert sc["steps"][1]["patch"]["runs"] == 2
    assert sc["calls"][1]["moves"] == 2 and sc["calls"][1]["total"] == 2
    assert sc["calls"][2]["moves"] == 2 and sc["calls"][2]["total"] == 3  # swap back + 1 class
    assert sc["minimal"]["ok"] and sc["minimal"]["steps"][1]["moves"] == 2
    rc, out, err = cli(capsys, "bench", str(f), "--interpreters", "cpython", "--runs", "1")
    assert rc == 0 and "## swap" in out and "| update 1 |" in out


def test_bench_user_errors(tmp_path, capsys, monkeypatch):
    rc, out, err = cli(capsys, "bench", str(tmp_path / "nope.py"), "--interpreters", "cpython")
    assert rc == 2 and "no such file" in err
    f = tmp_path / "scen.py"
    f.write_text("X = 1\n")
    rc, out, err = cli(capsys, "bench", str(f), "--interpreters", "cpython")
    assert rc == 2 and "defines no SCENARIOS" in err
    f.write_text(SCENARIOS)
    rc, out, err = cli(capsys, "bench", str(f), "--interpreters", "cpython,perl")
    assert rc == 2 and "unknown interpreter 'perl'" in err
    rc, out, err = cli(capsys, "bench", str(f), "--runs", "0")
    assert rc == 2 and "at least 1" in err
    broken = tmp_path / "broken.py"
    broken.write_text(SCENARIOS + "\nSCENARIOS['bad'] = (lambda: 1 / 0, [])\n")
    rc, out, err = cli(capsys, "bench", str(broken), "--interpreters", "cpython")
    assert rc == 1 and "ZeroDivisionError" in err
    monkeypatch.setenv("PATH", str(tmp_path))  # no node
    rc, out, err = cli(capsys, "bench", str(f), "--interpreters", "micropython")
    assert rc == 2 and "node (Node.js) is not on PATH" in err
    monkeypatch.undo()
    if shutil.which("node"):
        # No node_modules from the cwd upward, and none pyvdom can find or install (as dev/build).
        from vdom.cli import appkit
        from vdom.cli.errors import CliError

        def nothing(*a, **k):
            raise CliError("PyScript and its interpreters are not installed (looked in ...)")

        monkeypatch.setattr(appkit, "find_node_modules", nothing)
        monkeypatch.chdir(tmp_path)
        rc, out, err = cli(capsys, "bench", str(f), "--interpreters", "pyodide")
        assert rc == 2 and "not installed" in err and "Traceback" not in err


@pytest.mark.skipif(not shutil.which("node") or not os.path.isdir(os.path.join(ROOT, "node_modules", "@micropython")),
                    reason="needs node and the npm packages (npm ci)")
def test_bench_micropython(tmp_path, capsys, monkeypatch):
    f = tmp_path / "scen.py"
    f.write_text(SCENARIOS)
    monkeypatch.chdir(tmp_path)  # no node_modules upward: found as dev/build find them (pyvdom's checkout)
    rc, out, err = cli(capsys, "bench", str(f), "--interpreters", "micropython", "--runs", "1",
                       "--warmup", "0", "--json")
    assert rc == 0, err
    res = json.loads(out)["results"][0]
    assert res["impl"] == "micropython" and res["stepped"] is True
    sc = res["scenarios"]["swap"]
    assert sc["calls"][1]["moves"] == 2
    assert sc["memory"]["vnodes"] >= 21 and 20 < sc["memory"]["bytes_per_vnode"] < 2000
