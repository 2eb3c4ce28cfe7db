"""The js-framework-benchmark in Chromium: vanilla JS, pyvdom and PuePy side by side (``python -m bench.browser``)."""
