"""Plain-function test runner for tests/portable/test_*.py: MicroPython, CPython and Pyodide.

MicroPython has no pytest (and its unittest.main() never exits), so the portable tests are
plain module-level functions ``def test_...():`` that use bare ``assert``. pytest collects the
same files on CPython and Pyodide; this runner is what runs them on MicroPython.

Usage: run_portable.py [-v] [-x] [--dir DIR] [FILTER]
  -v         print every test with its result and time
  -x         stop after the first failure
  --dir DIR  directory holding the test_*.py files (default: see _find_dir)
  FILTER     only run tests whose id "test_file.py::test_name" contains this substring

    node tools/mpy_run.mjs --copy vdom:/lib/vdom --copy renderers:/lib/renderers \\
         --copy tests/portable:/tests/portable tests/run_portable.py      # MicroPython
    python tests/run_portable.py                                          # CPython
    node tools/pyodide_run.mjs tests/run_portable.py                      # Pyodide

Every test_*.py module in the directory is imported by its basename, with the directory put at
the front of sys.path (as pytest's default "prepend" import mode does, since tests/ and
tests/portable/ have no __init__.py), and the project root (two levels up) also goes on
sys.path. Each module-level callable named test_* is called with no arguments, modules and
tests in name order. A module that fails to import counts as one failure.
Output: one traceback per failure, then one "FAILED id - Type: message" line per failure and
"[<interpreter>] N passed, M failed in S s". Exit status (via sys.exit): 0 all passed,
1 something failed, 2 usage error / test directory not found, 5 no test matched.

Only features MicroPython 1.27 has are used: no os.path, no traceback, no dict order.
"""

import os
import sys
import time

try:
    import gc
except ImportError:  # pragma: no cover
    gc = None

IMPL = sys.implementation.name
if IMPL == "cpython" and sys.platform == "emscripten":
    IMPL = "pyodide"


def _clock():
    """Return a function giving milliseconds (float) from the best clock available."""
    try:
        import js  # Pyodide and MicroPython's webassembly port

        perf = js.performance
        perf.now()
        return lambda: perf.now()
    except Exception:
        pass
    if hasattr(time, "perf_counter"):
        return lambda: time.perf_counter() * 1000.0
    if hasattr(time, "ticks_ms"):  # other MicroPython ports (1 ms resolution)
        t0 = time.ticks_ms()
        return lambda: float(time.ticks_diff(time.ticks_ms(), t0))
    return lambda: time.time() * 1000.0


now_ms = _clock()


def _is_dir(p):
    try:
        return (os.stat(p)[0] & 0x4000) != 0
    except OSError:
        return False


def _dirname(p):
    i = max(p.rfind("/"), p.rfind("\\"))
    if i < 0:
        return ""
    if i == 0:
        return p[:1]
    return p[:i]


def _join(a, b):
    if not a:
        return b
    if a.endswith("/") or a.endswith("\\"):
        return a + b
    return a + "/" + b


def _abspath(p):
    """Absolute, normalised ("." and ".." resolved) form of p, "/"-separated."""
    p = p.replace("\\", "/")
    if not p.startswith("/") and not (len(p) > 1 and p[1] == ":"):
        try:
            p = os.getcwd().replace("\\", "/") + "/" + p
        except (AttributeError, OSError):
            return p
    out = []
    for part in p.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if out:
                out.pop()
        else:
            out.append(part)
    head = "" if (out and len(out[0]) == 2 and out[0][1] == ":") else "/"
    return head + "/".join(out)


def _find_dir(explicit):
    """Locate tests/portable: --dir, else next to this file, else relative to cwd, else sys.path."""
    if explicit:
        return explicit if _is_dir(explicit) else None
    cands = []
    f = globals().get("__file__")  # MicroPython may run us without __file__
    if f:
        cands.append(_join(_dirname(f), "portable"))
    cands.append("tests/portable")
    cands.append("portable")
    for p in sys.path:
        if isinstance(p, str) and p:
            cands.append(_join(_join(p, "tests"), "portable"))
    for c in cands:
        if _is_dir(c):
            return c
    return None


def _print_exc(e):
    if hasattr(sys, "print_exception"):  # MicroPython
        sys.print_exception(e, sys.stdout)
    else:
        import traceback

        traceback.print_exception(type(e), e, e.__traceback__, file=sys.stdout)


def _one_line(e):
    msg = str(e).strip().split("\n")[0]
    if len(msg) > 200:
        msg = msg[:197] + "..."
    name = type(e).__name__
    return name + ": " + msg if msg else name


def _usage(msg):
    print("run_portable: " + msg)
    print("usage: run_portable.py [-v] [-x] [--dir DIR] [FILTER]")
    sys.exit(2)


def main(argv):
    verbose = False
    exitfirst = False
    directory = None
    filt = None
    args = list(argv)
    while args:
        a = args.pop(0)
        if a == "-v":
            verbose = True
        elif a == "-x":
            exitfirst = True
        elif a == "--dir":
            if not args:
                _usage("--dir needs a directory")
            directory = args.pop(0)
        elif a in ("-h", "--help"):
            print(globals().get("__doc__") or "see tests/run_portable.py")  # MicroPython drops docstrings
            return 0
        elif a.startswith("-"):
            _usage("unknown option " + a)
        elif filt is None:
            filt = a
        else:
            _usage("only one FILTER allowed")

    d = _find_dir(directory)
    if d is None:
        _usage("test directory not found (%s); pass --dir DIR" % (directory or "tests/portable"))
    d = _abspath(d)
    root = _dirname(_dirname(d))  # the project root, for `import vdom` outside MicroPython
    if d in sys.path:
        sys.path.remove(d)
    sys.path.insert(0, d)
    if root not in sys.path:
        sys.path.insert(1, root)

    files = sorted(f for f in os.listdir(d) if f.startswith("test_") and f.endswith(".py"))
    t_start = now_ms()
    passed = 0
    failures = []  # (id, one-line reason)
    stop = False
    for fname in files:
        if stop:
            break
        modname = fname[:-3]
        try:
            mod = __import__(modname)
        except Exception as e:
            tid = fname + "::<import>"
            print("--- FAIL " + tid + " ---")
            _print_exc(e)
            failures.append((tid, _one_line(e)))
            if exitfirst:
                break
            continue
        # __dict__, not dir(): MicroPython's dir() misses names a module adds through globals().
        names = sorted(n for n in mod.__dict__ if n.startswith("test_"))
        for name in names:
            fn = getattr(mod, name)
            if not callable(fn):
                continue
            tid = fname + "::" + name
            if filt is not None and filt not in tid:
                continue
            t0 = now_ms()
            err = None
            try:
                res = fn()
                if res is not None and hasattr(res, "send"):
                    raise TypeError("test returned a generator/coroutine: its body never ran")
            except Exception as e:
                err = e
            dt = now_ms() - t0
            if err is None:
                passed += 1
                if verbose:
                    print("PASS %s (%.1f ms)" % (tid, dt))
            else:
                print("--- FAIL %s (%.1f ms) ---" % (tid, dt))
                _print_exc(err)
                failures.append((tid, _one_line(err)))
                if exitfirst:
                    stop = True
                    break
        if gc is not None:
            gc.collect()

    elapsed = (now_ms() - t_start) / 1000.0
    for tid, why in failures:
        print("FAILED " + tid + " - " + why)
    print("[%s] %d passed, %d failed in %.2f s" % (IMPL, passed, len(failures), elapsed))
    if failures:
        return 1
    if passed == 0:
        print("run_portable: no test ran (directory %s%s)" % (d, ", filter %r" % filt if filt else ""))
        return 5
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
