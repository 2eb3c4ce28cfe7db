"""Heap probes for the benchmark pages and the browser memory tests.

Loaded after the app, in the same interpreter (bench/browser/python.js):

- ``window.benchGcCollect()`` asks for a full collection.  Under
  MicroPython's webassembly port it runs as the call returns to JS, so
  read the heap with a second call.
- ``window.benchHeap()``: MicroPython, ``gc.mem_alloc()`` (bytes
  allocated on the Python heap); Pyodide (no mem_alloc), the number of
  objects the collector tracks.
"""

import gc
import sys

import js

try:
    from pyodide.ffi import create_proxy
except ImportError:
    from jsffi import create_proxy


def _collect(*args):
    gc.collect()


def _heap(*args):
    if hasattr(gc, "mem_alloc"):
        return gc.mem_alloc()
    return len(gc.get_objects())


js.window.benchGcCollect = create_proxy(_collect)
js.window.benchHeap = create_proxy(_heap)
js.window.benchInterp = sys.implementation.name
