"""Renderers for pyvdom's core: one module per host.

``renderers.mock`` (in-memory DOM that logs every call), ``renderers.html``
(HTML strings for server-side rendering) and, in the browser,
``renderers.dom``.  Import the one you need; this package imports nothing.
"""
