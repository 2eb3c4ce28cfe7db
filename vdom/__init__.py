"""pyvdom's core: keyed virtual-DOM reconciliation behind a renderer protocol.

Importing ``vdom`` loads only the core (no framework, no renderer), so
MicroPython pages pay only for what they use.
"""

from vdom.vnode import VNode, MemoNode, Static, h, text, memo, static, clone, Fragment, TEXT, MEMO, RAW, STATIC
from vdom.renderer import Renderer, Listener
from vdom.root import Root, create_root
from vdom.reconcile import Patcher, hosts, SVG_NS, MATHML_NS
from vdom.errors import VDomError, RenderError, PatchError
from vdom.lis import lis
from vdom.elements import trusted, Trusted

__version__ = "0.1.0"

__all__ = [
    "VNode", "MemoNode", "Static", "h", "text", "memo", "static", "clone", "Fragment", "TEXT", "MEMO",
    "RAW", "STATIC",
    "Renderer", "Listener", "Root", "create_root", "Patcher", "hosts", "SVG_NS", "MATHML_NS",
    "VDomError", "RenderError", "PatchError", "lis", "trusted", "Trusted",
]
