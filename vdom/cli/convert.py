"""Convert HTML into Python that builds the same markup.

  pyvdom convert page.html                 # vdom.app: `with t.div(classes="x"):` blocks
  pyvdom convert --style h page.html       # the core's h() calls
  curl -s https://example.org | pyvdom convert - > page.py

The output is a module: with `t` (default) a vdom.app Page whose populate() builds the markup
(copy its body into your own component), with `--style h` a function returning the VNode(s).

What the output keeps:
  * elements, attributes and text; `class` -> classes=, `for` -> for_=, `data-x` -> data_x=,
    Python keywords get a trailing `_`; names that cannot be keywords go into a `**{...}` dict;
  * character references decoded into Python string literals (`&amp;` -> "&", `&nbsp;` -> "\\xa0");
  * custom elements (`<sl-button>` -> t.sl_button), SVG and MathML with their case (viewBox,
    linearGradient); bare attributes (`<input disabled>`) as `disabled=True`;
  * comments, as Python comments (they are not rendered);
  * script text, `on*=` handler attributes, `javascript:` URLs and `srcdoc`, wrapped in
    vdom.trusted() (pyvdom refuses them otherwise): they are your page's code, review them.

Whitespace rule (what the browser shows is kept):
  inside <pre>, <textarea>, <listing>, <plaintext>, <title>, <script>, <style> (and every
  raw-text element) text is kept exactly; elsewhere each run of spaces, tabs and newlines becomes
  one space, and a text's leading/trailing space is dropped where it touches a block boundary
  (the start or end of a block element's content, or a block sibling such as <div>, <p>, <li>,
  <tr>, <br>); so whitespace-only text between blocks disappears while `<b>a</b> <i>b</i>` keeps
  its space.

Whole documents (<!doctype>, <html>, <head>, <body>): the content of <body> is converted (a
comment says what was left out); `--whole` converts <html> with its <head> and <body> too.

Round trip: rendering the generated code gives the input's tree, attributes and text (after the
whitespace rule; comments aside); `--check` runs the generated code and verifies it. Input must
be UTF-8 text (`--encoding` for others); a <script>, <style>, <textarea>, <title> or comment that
is never closed is refused (it would swallow the rest of the file), unless `--lenient`.
"""

import importlib.util
import keyword
import os
import re
import shutil
import subprocess
import sys
import textwrap

from vdom.cli.errors import CliError

STYLES = ("t", "h")
FORMATS = ("auto", "black", "ruff", "none")
WIDTH = 88
# Python allows 20 nested blocks per function (CO_MAXBLOCKS): deeper `with` nesting switches to
# nested calls (`t.div(t.span("x"))`), which vdom.app's t supports.
MAX_WITH = 16
# Python's parser allows 200 nested parentheses.
MAX_DEPTH = 180


def check_depth(depth):
    if depth > MAX_DEPTH:
        raise CliError("the markup is nested more than %d levels deep: too deep for Python "
                       "source" % MAX_DEPTH)


# Text kept exactly (the element's content is not rendered as collapsible inline text).
PRESERVE = {"pre", "textarea", "listing", "plaintext", "title", "script", "style", "xmp", "iframe",
            "noembed", "noframes"}
# Elements whose edges and neighbours are block boundaries for the whitespace rule.
BLOCK = set("""address article aside blockquote body br caption col colgroup dd details dialog div dl
dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li
link main menu meta nav noscript ol optgroup option p pre script search section select style summary
table tbody td template textarea tfoot th thead title tr ul base video audio source track canvas
iframe object picture""".split())
# SVG elements whose text is rendered (the others' whitespace text is not).
SVG_TEXT = {"text", "tspan", "textPath", "a", "title", "desc"}
# t's keyword arguments that are not attributes (an attribute of this name needs h()).
T_SPECIAL = {"classes", "class_", "class_name", "key", "ref", "bind", "tag"}

_WS = re.compile(r"[ \t\n\f\r]+")


def add_arguments(parser):
    parser.add_argument("file", metavar="FILE", help="the HTML file to convert, or - for stdin")
    parser.add_argument("--style", choices=STYLES, default="t",
                        help="t: vdom.app `with t.div():` blocks (default); h: the core's h() calls")
    parser.add_argument("--format", choices=FORMATS, default="auto", dest="formatter",
                        help="format the output with black or ruff (auto: whichever is installed, "
                             "else as generated; none: as generated)")
    parser.add_argument("--name", help="the Page class (t) or function (h) to define "
                                       "(default: from the file name)")
    parser.add_argument("--whole", action="store_true",
                        help="for a whole document: convert <html> with its <head> and <body> "
                             "(default: the body's content)")
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    parser.add_argument("--encoding", default="utf-8", help="the input's encoding (default: utf-8)")
    parser.add_argument("--lenient", action="store_true",
                        help="convert unclosed <script>/<style>/<textarea>/<title>/comments as a "
                             "browser reads them instead of refusing the input")
    parser.add_argument("--check", action="store_true",
                        help="run the generated code and verify that it renders the input's markup")


def run(args):
    name = args.name or default_name(args.file, args.style)
    if not name.isidentifier() or keyword.iskeyword(name):
        raise CliError("--name %r is not a Python identifier" % name)
    src, label = read_source(args.file, args.encoding)
    if not args.lenient:
        check_closed(src, label)
    code = convert(src, style=args.style, name=name, whole=args.whole, source=label)
    if args.check:
        problem = roundtrip_problem(src, code, style=args.style, name=name, whole=args.whole)
        if problem:
            raise CliError("the generated code does not render the input's markup: %s" % problem,
                           status=1)
    code = format_code(code, args.formatter)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as f:
                f.write(code)
        except OSError as exc:
            raise CliError("cannot write %s: %s" % (args.output, exc.strerror or exc))
    else:
        sys.stdout.write(code)
    if args.check:
        sys.stderr.write("checked: the generated code renders the same markup\n")
    return 0


# -- input ------------------------------------------------------------------------------------

def read_source(path, encoding="utf-8"):
    """The text of ``path`` (``-``: stdin) and a label for messages; CliError for user errors."""
    if path == "-":
        data = sys.stdin.buffer.read()
        label = "<stdin>"
    else:
        label = path
        if not os.path.exists(path):
            raise CliError("%s: no such file" % path)
        if os.path.isdir(path):
            raise CliError("%s is a directory, not an HTML file" % path)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as exc:
            raise CliError("cannot read %s: %s" % (path, exc.strerror or exc))
    return decode(data, label, encoding), label


def decode(data, label="<input>", encoding="utf-8"):
    nul = data.find(b"\x00")
    if nul >= 0 and not encoding.lower().replace("-", "").startswith("utf16"):
        raise CliError("%s looks binary (a NUL byte at offset %d), not HTML" % (label, nul))
    try:
        if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
            text = data.decode("utf-8-sig")
        else:
            text = data.decode(encoding)
    except LookupError:
        raise CliError("unknown encoding %r" % encoding)
    except UnicodeDecodeError as exc:
        raise CliError("%s is not valid %s text (byte 0x%02x at offset %d); give its encoding "
                       "with --encoding (e.g. --encoding latin-1)"
                       % (label, encoding, data[exc.start], exc.start))
    if not text.strip():
        raise CliError("%s: no HTML to convert (the input is empty)" % label)
    return text


_OPENERS = re.compile(r"<!--|<(script|style|textarea|title|xmp|iframe|noembed|noframes)(?=[\s/>])",
                      re.I)


def check_closed(src, label):
    """Refuse a comment or raw-text element that is never closed: the rest would be its text."""
    low = src.lower()
    i = 0
    n = len(src)
    while i < n:
        m = _OPENERS.search(low, i)
        if m is None:
            return
        if m.group(0) == "<!--":
            if low.startswith("<!-->", m.start()) or low.startswith("<!--->", m.start()):
                i = m.end() + 1
                continue
            end = low.find("-->", m.end())
            what = "a comment <!--"
            close = "-->"
        else:
            name = m.group(1)
            gt = low.find(">", m.end())
            if gt < 0:
                break
            end = low.find("</" + name, gt)
            what = "<%s>" % name
            close = "</%s>" % name
            if end >= 0:
                end = max(end, gt)
        if end < 0:
            line = src.count("\n", 0, m.start()) + 1
            raise CliError("%s: line %d: %s is never closed (no %s), so everything after it would "
                           "be its text; close it, or pass --lenient to convert it as a browser "
                           "reads it" % (label, line, what, close))
        i = end + 1


def default_name(path, style):
    stem = "converted"
    if path and path != "-":
        stem = os.path.splitext(os.path.basename(path))[0] or stem
    words = [w for w in re.split(r"[^0-9A-Za-z]+", stem) if w]
    if not words:
        words = ["converted"]
    if style == "t":
        name = "".join(w[:1].upper() + w[1:] for w in words)
        if not name.endswith("Page"):
            name += "Page"
    else:
        name = "_".join(w.lower() for w in words)
    if name[0].isdigit():
        name = ("Page" if style == "t" else "view_") + name
    if keyword.iskeyword(name):
        name += "_"
    return name


# -- whole documents --------------------------------------------------------------------------

_DOC_START = re.compile(r"\A(?:\s|<!--.*?-->)*<(?:!doctype|html[\s>])", re.I | re.S)
_DOC_TAG = re.compile(r"<(?:html|head|body)[\s/>]", re.I)
_TAG_RE = {}


def _tag(name):
    r = _TAG_RE.get(name)
    if r is None:
        r = _TAG_RE[name] = (re.compile(r"<%s(?=[\s/>])([^>]*)>" % name, re.I),
                             re.compile(r"</%s\s*>" % name, re.I))
    return r


def is_document(src):
    return bool(_DOC_START.match(src) or _DOC_TAG.search(_strip_raw(src)))


def _strip_raw(src):
    """``src`` with comments and script/style content blanked (tags in them are not tags)."""
    src = re.sub(r"<!--.*?(-->|\Z)", "", src, flags=re.S)
    return re.sub(r"<(script|style|textarea)\b.*?(</\1\s*>|\Z)", "", src, flags=re.S | re.I)


def split_document(src):
    """(html attributes, head markup or None, body attributes, body markup, doctype or None)."""
    doctype = None
    m = re.search(r"<!doctype[^>]*>", src, re.I)
    if m:
        doctype = m.group(0)
    html_attrs = {}
    open_html, close_html = _tag("html")
    m = open_html.search(src)
    start = 0
    if m:
        html_attrs = _attrs_of(m.group(1))
        start = m.end()
    elif doctype is not None:
        start = src.lower().find(doctype.lower()) + len(doctype)
    head = None
    open_head, close_head = _tag("head")
    mh = open_head.search(src, start)
    body_start = start
    if mh:
        ch = close_head.search(src, mh.end())
        ob = _tag("body")[0].search(src, mh.end())
        head_end = ch.start() if ch else (ob.start() if ob else len(src))
        head = src[mh.end():head_end]
        body_start = ch.end() if ch else head_end
    open_body, close_body = _tag("body")
    mb = open_body.search(src, body_start)
    body_attrs = {}
    if mb:
        body_attrs = _attrs_of(mb.group(1))
        between = src[body_start:mb.start()]
        body_start = mb.end()
    else:
        between = ""
    ends = [len(src)]
    for pat in (close_body, close_html):
        for e in pat.finditer(src, body_start):
            ends.append(e.start())
            break
    body = src[body_start:min(ends)]
    if head is None and between.strip():
        head = between  # <html><title>..</title><body>: head elements before <body>
    return html_attrs, head, body_attrs, body, doctype


def _attrs_of(attr_src):
    from renderers.htmlparse import parse_fragment
    nodes = parse_fragment("<div %s></div>" % attr_src.rstrip("/"), bare=True)
    return nodes[0].attrs if nodes and nodes[0].tag == "div" else {}


# -- the tree ---------------------------------------------------------------------------------

class _El:
    """A node of the tidied tree: ``kind`` "el", "text" or "comment"."""

    __slots__ = ("kind", "tag", "ns", "attrs", "children", "text")

    def __init__(self, kind, tag=None, ns=None, attrs=None, text=None):
        self.kind = kind
        self.tag = tag
        self.ns = ns
        self.attrs = attrs
        self.children = []
        self.text = text


def _blockish(node):
    if node.kind != "el":
        return False
    if node.ns is None:
        return node.tag in BLOCK
    return node.tag not in SVG_TEXT


def tidy(nodes):
    """Parsed nodes -> a tree of _El with the whitespace rule applied (iterative)."""
    root = _El("el", "#root")
    stack = [(nodes, root, False, True)]
    while stack:
        kids, into, preserve, block_parent = stack.pop()
        made = []
        for c in kids:
            if c.tag is None:
                made.append(_El("text", text=c.text))
            elif c.tag == "#comment":
                made.append(_El("comment", text=c.text))
            else:
                e = _El("el", c.tag, c.namespace, c.attrs)
                made.append(e)
                p = preserve or (c.namespace is None and c.tag in PRESERVE)
                bp = _blockish(e) or (c.namespace is not None and c.tag not in SVG_TEXT)
                stack.append((c.children, e, p, bp))
        if not preserve:
            made = _collapse(made, block_parent)
        into.children = made
    return root.children


def _collapse(made, block_parent):
    n = len(made)
    out = []
    for i in range(n):
        c = made[i]
        if c.kind != "text":
            out.append(c)
            continue
        s = _WS.sub(" ", c.text)
        j = i - 1
        while j >= 0 and made[j].kind == "comment":
            j -= 1
        left = block_parent if j < 0 else _blockish(made[j])
        j = i + 1
        while j < n and made[j].kind == "comment":
            j += 1
        right = block_parent if j >= n else _blockish(made[j])
        if left:
            s = s.lstrip(" ")
        if right:
            s = s.rstrip(" ")
        if s:
            c.text = s
            out.append(c)
    return out


# -- code generation ---------------------------------------------------------------------------

def pystr(s):
    """A Python string literal for ``s`` (double quotes when possible; unprintables escaped)."""
    r = repr(s)
    if r[0] == "'" and '"' not in s:
        r = '"' + r[1:-1].replace("\\'", "'") + '"'
    return r


class Call:
    """A call laid out on one line when it fits, else one argument per line."""

    def __init__(self, head, first=(), args=()):
        self.head = head        # "t.div" / "h"
        self.first = list(first)  # arguments kept on the head's line (h: tag and props)
        self.args = list(args)    # str (code), Call, or Comment

    def flat(self):
        parts = list(self.first)
        for a in self.args:
            if isinstance(a, Comment):
                return None
            if isinstance(a, Call):
                f = a.flat()
                if f is None:
                    return None
                parts.append(f)
            else:
                parts.append(a)
        return "%s(%s)" % (self.head, ", ".join(parts))

    def lines(self, indent, width=WIDTH, prefix="", suffix=""):
        pad = "    " * indent
        f = self.flat()
        if f is not None and len(pad) + len(prefix) + len(f) + len(suffix) <= width:
            return [pad + prefix + f + suffix]
        if not self.args:
            return [pad + prefix + "%s(%s)" % (self.head, ", ".join(self.first)) + suffix]
        out = [pad + prefix + self.head + "(" + ", ".join(self.first) + ("," if self.first and self.args else "")]
        for a in self.args:
            if isinstance(a, Comment):
                out.extend(a.lines(indent + 1))
            elif isinstance(a, Call):
                out.extend(a.lines(indent + 1, width, "", ","))
            else:
                out.append("    " * (indent + 1) + a + ",")
        out.append(pad + ")" + suffix)
        return out


class Comment:
    def __init__(self, text):
        self.text = text

    def lines(self, indent):
        pad = "    " * indent
        body = self.text.strip()
        if not body:
            return [pad + "#"]
        lines = body.split("\n")
        rest = textwrap.dedent("\n".join(lines[1:])).split("\n") if len(lines) > 1 else []
        return [(pad + "# " + ln.rstrip()).rstrip() for ln in [lines[0]] + rest]


def needs_trust(tag, name, value):
    """Whether h() refuses attribute ``name=value`` unless it is ``vdom.trusted()`` (it runs as
    script: a handler, a javascript: URL, srcdoc, a script's src)."""
    from vdom.elements import attr_risk, check_url_attr, URL
    low = name.lower()
    if tag == "script" and low in ("src", "href", "xlink:href"):
        return True
    risk = attr_risk(name)
    if not risk:
        return False
    if risk == URL:
        try:
            check_url_attr(tag, name, value)
        except ValueError:
            return True
        return False
    if low == "attributename":
        return value.strip().lower()[:2] == "on"
    return True


class Generator:
    def __init__(self, style):
        self.style = style
        self.uses_trusted = False
        self.uses_h = False
        self.warnings = []
        try:
            from vdom.app.tags import Builder
            self._builder_names = set(dir(Builder))
        except Exception:  # pragma: no cover
            self._builder_names = set()

    # values
    def value(self, tag, name, v):
        if v is True:
            return "True"
        if needs_trust(tag, name, v):
            self.uses_trusted = True
            return "trusted(%s)" % pystr(v)
        return pystr(v)

    def text_value(self, parent, s):
        if parent is not None and parent.tag == "script" and s:
            self.uses_trusted = True
            return "trusted(%s)" % pystr(s)
        return pystr(s)

    def drop_attr(self, el, name):
        if name == "key" or name == "hook" or name.startswith("on_"):
            self.warnings.append("<%s %s=...>: pyvdom reads %r as a prop, not an attribute; dropped"
                                 % (el.tag, name, name))
            return True
        return False

    def child_args(self, el, depth, call):
        """The arguments for ``el``'s children in a nested call: comments, texts, and
        ``call(child, depth + 1)`` for elements (``h_call`` or ``t_call``)."""
        check_depth(depth)
        args = []
        for c in el.children:
            if c.kind == "comment":
                args.append(Comment(c.text))
            elif c.kind == "text":
                args.append(self.text_value(el, c.text))
            else:
                args.append(call(c, depth + 1))
        return args

    # h() ------------------------------------------------------------------------------------
    def h_call(self, el, depth=0):
        check_depth(depth)
        self.uses_h = True
        items = []
        for name in el.attrs:
            if self.drop_attr(el, name):
                continue
            items.append("%s: %s" % (pystr(name), self.value(el.tag, name, el.attrs[name])))
        props = "{%s}" % ", ".join(items) if items else "None"
        args = self.child_args(el, depth, self.h_call)
        if props == "None" and not args:
            return Call("h", [pystr(el.tag)])
        return Call("h", [pystr(el.tag), props], args)

    # t ----------------------------------------------------------------------------------------
    def t_head(self, el):
        """(``t.<name>``, extra kwargs) for the element's tag."""
        tag = el.tag
        ident = tag.replace("-", "_")
        if keyword.iskeyword(ident):
            ident += "_"
        ok = (ident.isidentifier() and ident.isascii() and "_" not in tag and not tag.endswith("-")
              and not ident.startswith("_") and ident not in self._builder_names)
        if ok:
            return "t." + ident, []
        return "t.div", ["tag=%s" % pystr(tag)]

    def t_kwargs(self, el):
        """The keyword arguments of ``t.<tag>(...)``, or None when an attribute needs h()."""
        kw = []
        extra = []
        for name in el.attrs:
            v = self.value(el.tag, name, el.attrs[name])
            if name == "class":
                kw.append("classes=%s" % v)
                continue
            if name in T_SPECIAL or name.startswith("on_") or name == "hook":
                return None
            ident = name.replace("-", "_")
            if "_" not in name and not name.endswith("-") and ident.isidentifier() and ident.isascii() \
                    and not ident.startswith("_"):
                if keyword.iskeyword(ident):
                    ident += "_"
                kw.append("%s=%s" % (ident, v))
            elif "_" in name:
                return None  # t turns "_" into "-" in every attribute name
            else:
                extra.append("%s: %s" % (pystr(name), v))
        if extra:
            kw.append("**{%s}" % ", ".join(extra))
        return kw

    def t_call(self, el, depth):
        """``t.<tag>(children..., kw...)`` as a nested call (no with block)."""
        kw = self.t_kwargs(el)
        if kw is None:
            return Call("t", [], [self.h_call(el, depth)])
        head, extra = self.t_head(el)
        args = self.child_args(el, depth, self.t_call)
        return Call(head, [], args + extra + kw)

    def t_statements(self, nodes, indent, parent=None):
        """Statements (lines) building ``nodes`` inside the current ``with`` block."""
        out = []
        # (nodes, index, indent, parent, body_start) frames: iterative over the with nesting
        stack = [[nodes, 0, indent, parent, len(out)]]
        while stack:
            fr = stack[-1]
            kids, i, ind, par = fr[0], fr[1], fr[2], fr[3]
            if i >= len(kids):
                stack.pop()
                if not any(ln.strip() and not ln.strip().startswith("#") for ln in out[fr[4]:]):
                    out.append("    " * ind + "pass")
                continue
            fr[1] = i + 1
            c = kids[i]
            pad = "    " * ind
            if c.kind == "comment":
                out.extend(Comment(c.text).lines(ind))
                continue
            if c.kind == "text":
                out.append(pad + "t(%s)" % self.text_value(par, c.text))
                continue
            kw = self.t_kwargs(c)
            if kw is None:
                out.extend(Call("t", [], [self.h_call(c)]).lines(ind))
                continue
            head, extra = self.t_head(c)
            elements = [k for k in c.children if k.kind == "el"]
            comments = [k for k in c.children if k.kind == "comment"]
            texts = [k for k in c.children if k.kind == "text"]
            if not elements and not comments and len(texts) <= 1:
                args = [self.text_value(c, texts[0].text)] if texts else []
                out.extend(Call(head, [], args + extra + kw).lines(ind))
                continue
            if len(stack) + ind - indent >= MAX_WITH:
                out.extend(self.t_call(c, len(stack)).lines(ind))
                continue
            call = Call(head, [], extra + kw)
            out.extend(call.lines(ind, prefix="with ", suffix=":"))
            stack.append([c.children, 0, ind + 1, c, len(out)])
        return out


def convert(src, style="t", name=None, whole=False, source=None):
    """The Python source that builds the markup ``src`` (a str)."""
    from renderers.htmlparse import parse_fragment
    if style not in STYLES:
        raise CliError("unknown style %r (t or h)" % (style,))
    name = name or ("ConvertedPage" if style == "t" else "converted")
    gen = Generator(style)
    notes = []
    doc = is_document(src)
    if doc:
        html_attrs, head_src, body_attrs, body_src, doctype = split_document(src)
        head_nodes = tidy(parse_fragment(head_src, context="head", bare=True)) if head_src else []
        body_nodes = tidy(parse_fragment(body_src, context="body", bare=True))
        if whole:
            head = _El("el", "head", None, {})
            head.children = head_nodes
            body = _El("el", "body", None, body_attrs)
            body.children = body_nodes
            html = _El("el", "html", None, html_attrs)
            html.children = [head, body]
            nodes = [html]
            if doctype:
                notes.append("The document's %s is not part of the tree: write it before the "
                             "rendered markup." % doctype)
        else:
            nodes = body_nodes
            left = []
            if head_nodes:
                names = []
                for n in head_nodes:
                    if n.kind == "el":
                        names.append("<%s>" % n.tag)
                left.append("its <head> (%s)" % ", ".join(names[:6] + (["..."] if len(names) > 6 else [])))
            if body_attrs:
                left.append("the <body>'s attributes (%s)" % " ".join(
                    k if body_attrs[k] is True else "%s=%s" % (k, pystr(body_attrs[k])) for k in body_attrs))
            if html_attrs:
                left.append("the <html>'s attributes (%s)" % " ".join(
                    k if html_attrs[k] is True else "%s=%s" % (k, pystr(html_attrs[k])) for k in html_attrs))
            msg = "A whole document: this is the content of its <body>."
            if left:
                msg += " Left out: " + "; ".join(left) + "."
            notes.append(msg + " `pyvdom convert --whole` converts the whole <html>.")
    else:
        nodes = tidy(parse_fragment(src, bare=True))
    label = " %s" % source if source and source != "-" else ""
    header = ["# Generated by `pyvdom convert%s%s`." % (" --style h" if style == "h" else "", label)]
    for note in notes:
        header.extend(_wrap_comment(note))
    if style == "t":
        body = gen.t_statements(nodes, 2)
    else:
        body = _h_body(gen, nodes)
    for w in gen.warnings:
        header.extend(_wrap_comment("Warning: " + w))
    imports = []
    core = []
    if gen.uses_h:
        core.append("h")
    if gen.uses_trusted:
        core.append("trusted")
    if core:
        imports.append("from vdom import %s" % ", ".join(core))
    if style == "t":
        imports.append("from vdom.app import Page, t")
    if gen.uses_trusted:
        header.extend(_wrap_comment("trusted(): script code, on*= handlers and javascript: URLs "
                                    "copied from the HTML run in your page: review them."))
    out = header + imports + ["", ""]
    if style == "t":
        out.append("class %s(Page):" % name)
        out.append("    def populate(self):")
        out.extend(body)
    else:
        out.append("def %s():" % name)
        out.extend(body)
    return "\n".join(out) + "\n"


def _h_body(gen, nodes):
    items = []
    lead = []
    for n in nodes:
        if n.kind == "comment":
            items.append(Comment(n.text))
        elif n.kind == "text":
            items.append(pystr(n.text))
        else:
            items.append(gen.h_call(n))
    real = [x for x in items if not isinstance(x, Comment)]
    if len(real) == 1:
        out = []
        for x in items:
            if isinstance(x, Comment):
                out.extend(x.lines(1))
            elif isinstance(x, Call):
                out.extend(x.lines(1, prefix="return "))
            else:
                out.append("    return " + x)
        return lead + out
    out = ["    return ["]
    for x in items:
        if isinstance(x, Comment):
            out.extend(x.lines(2))
        elif isinstance(x, Call):
            out.extend(x.lines(2, suffix=","))
        else:
            out.append("        " + x + ",")
    out.append("    ]")
    return out


def _wrap_comment(text, width=WIDTH):
    words = text.split(" ")
    lines = []
    cur = "#"
    for w in words:
        if len(cur) + 1 + len(w) > width and cur != "#":
            lines.append(cur)
            cur = "#"
        cur += " " + w
    lines.append(cur)
    return lines


# -- formatting --------------------------------------------------------------------------------

def _formatter_cmd(which):
    if which == "ruff":
        exe = shutil.which("ruff")
        if exe is None and importlib.util.find_spec("ruff") is not None:
            try:
                from ruff.__main__ import find_ruff_bin
                exe = find_ruff_bin()
            except Exception:
                exe = None
        return [exe, "format", "--quiet", "-"] if exe else None
    if which == "black":
        if importlib.util.find_spec("black") is not None:
            return [sys.executable, "-m", "black", "--quiet", "-"]
        exe = shutil.which("black")
        return [exe, "--quiet", "-"] if exe else None
    return None


def format_code(code, formatter="auto"):
    """``code`` formatted with black or ruff (auto: the first installed; none: unchanged)."""
    if formatter == "none":
        return code
    order = ["ruff", "black"] if formatter == "auto" else [formatter]
    for which in order:
        cmd = _formatter_cmd(which)
        if cmd is None:
            continue
        try:
            res = subprocess.run(cmd, input=code.encode("utf-8"), capture_output=True, timeout=60)
        except (OSError, subprocess.SubprocessError) as exc:
            raise CliError("%s failed: %s" % (which, exc))
        if res.returncode != 0:
            raise CliError("%s could not format the output: %s"
                           % (which, res.stderr.decode("utf-8", "replace").strip()[:500]))
        return res.stdout.decode("utf-8")
    if formatter != "auto":
        raise CliError("%s is not installed (pip install %s), or use --format none"
                       % (formatter, formatter))
    return code


# -- round trip ----------------------------------------------------------------------------------

def render_generated(code, style="t", name=None):
    """Run generated ``code`` and return the HTML it renders (``renderers.html`` for h(), the mock
    renderer through vdom.app for t)."""
    ns = {"__name__": "pyvdom_converted"}
    exec(compile(code, "<converted>", "exec"), ns)
    if style == "h":
        from renderers.html import render_to_string
        fn = ns[name] if name else [v for k, v in ns.items() if callable(v) and k not in ("h", "trusted")][0]
        return render_to_string(fn())
    from vdom.app import Page
    from vdom.app.testing import mount
    from renderers.mock import inner_html
    if name:
        page = ns[name]
    else:
        page = [v for v in ns.values() if isinstance(v, type) and issubclass(v, Page) and v is not Page][0]
    app, r, c = mount(page)
    return inner_html(c.children[0])


def normalized(html, whole=False):
    """A comparable form of ``html``: nested tuples (tag, namespace, sorted attributes, children),
    comments dropped, text whitespace-normalised (exact inside pre/textarea/script...)."""
    from renderers.htmlparse import parse_fragment
    if whole and is_document(html):
        html_attrs, head_src, body_attrs, body_src, _ = split_document(html)
        head = ("head", None, (), _norm(parse_fragment(head_src or "", context="head"), False))
        body = ("body", None, tuple(sorted(body_attrs.items())),
                _norm(parse_fragment(body_src, context="body"), False))
        return [("html", None, tuple(sorted(html_attrs.items())), [head, body])]
    if is_document(html):
        html = split_document(html)[3]
    return _norm(parse_fragment(html), False)


def _norm(nodes, preserve, parent=None):
    out = []
    for c in nodes:
        if c.tag == "#comment":
            continue
        if c.tag is None:
            if out and isinstance(out[-1], str):
                out[-1] += c.text
            else:
                out.append(c.text)
            continue
        p = preserve or (c.namespace is None and c.tag in PRESERVE)
        out.append((c.tag, c.namespace, tuple(sorted((k, v if v is not True else "") for k, v in c.attrs.items())),
                    _norm(c.children, p, c)))
    res = []
    for i, x in enumerate(out):
        if isinstance(x, str):
            if not preserve:
                x = _WS.sub(" ", x).strip()
            elif i == 0 and parent is not None and parent.tag in ("pre", "textarea", "listing") \
                    and x.startswith("\n"):
                x = x[1:]  # a serialiser writes one newline after <pre> that a parser drops
            if x:
                res.append(x)
        else:
            res.append(x)
    return res


def roundtrip_problem(src, code, style="t", name=None, whole=False):
    """None when ``code`` renders ``src``'s markup (after normalisation), else what differs."""
    try:
        rendered = render_generated(code, style, name)
    except Exception as exc:  # the generated code must run: report, not crash
        return "running it raised %s: %s" % (type(exc).__name__, exc)
    if whole and style == "h" and is_document(src):
        rendered = "<!doctype html>" + rendered
    a = normalized(src, whole)
    b = normalized(rendered, whole)
    if a == b:
        return None
    return _first_difference(a, b)


def _first_difference(a, b, path="top"):
    stack = [(a, b, path)]
    while stack:
        x, y, p = stack.pop()
        if len(x) != len(y):
            return "%s: %d nodes in the input, %d rendered (%r... vs %r...)" % (
                p, len(x), len(y), _short(x), _short(y))
        for i in range(len(x) - 1, -1, -1):
            u, v = x[i], y[i]
            if isinstance(u, str) or isinstance(v, str):
                if u != v:
                    return "%s[%d]: %r vs %r" % (p, i, _short(u), _short(v))
            elif u[:3] != v[:3]:
                return "%s[%d]: <%s %r> vs <%s %r>" % (p, i, u[0], u[2], v[0], v[2])
            else:
                stack.append((u[3], v[3], "%s > %s[%d]" % (p, u[0], i)))
    return "differs"


def _short(x):
    return x[:80] if isinstance(x, str) else repr(x)[:80]
