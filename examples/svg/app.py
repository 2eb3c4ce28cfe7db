"""SVG and MathML: the core passes the namespace to create_element_ns
(children of <svg> and <math> inherit it, <foreignObject> children are HTML
again); attributes keep their case (viewBox) and class goes through
setAttribute.  Click a bar to select it; the buttons add, remove and
randomise bars (keyed rects move and resize in place).
"""

from vdom import h
from gallery import App, Rand

W = 300
H = 120


def view(app):
    st = app.state
    bars = st["bars"]
    n = len(bars)
    bw = W // max(n, 1)
    rects = []
    for i in range(n):
        k, v = bars[i]
        rects.append(h("rect", {"key": k, "data-key": str(k), "x": str(i * bw + 2), "y": str(H - v),
                                "width": str(bw - 4), "height": str(v),
                                "class": {"bar": True, "selected": k == st["selected"]},
                                "on_click": app.handler(select, app, k)},
                       h("title", None, "bar %d: %d" % (k, v))))
    total = 0
    for k, v in bars:
        total += v
    return h("section", {"class": "svg"},
             h("div", {"class": "buttons"},
               h("button", {"id": "add", "on_click": app.handler(add, app)}, "Add bar"),
               h("button", {"id": "remove", "on_click": app.handler(remove, app), "disabled": not bars}, "Remove bar"),
               h("button", {"id": "randomize", "on_click": app.handler(randomize, app)}, "Randomise")),
             h("svg", {"id": "chart", "viewBox": "0 0 %d %d" % (W, H + 30), "width": str(W * 2),
                       "height": str((H + 30) * 2), "role": "img"},
               h("g", {"class": "bars"}, rects),
               h("line", {"x1": "0", "y1": str(H), "x2": str(W), "y2": str(H), "stroke": "#888"}),
               h("foreignObject", {"x": "0", "y": str(H + 4), "width": str(W), "height": "24"},
                 h("div", {"id": "caption", "class": "caption"},
                   "%d bars, selected: %s" % (n, st["selected"] if st["selected"] is not None else "none")))),
             h("p", None, "Total as MathML: ",
               h("math", {"id": "formula"},
                 h("mrow", None, h("munderover", None, h("mo", None, "\u2211"), h("mi", None, "i"), h("mi", None, "n")),
                   h("msub", None, h("mi", None, "v"), h("mi", None, "i")),
                   h("mo", None, "="), h("mn", {"id": "total"}, str(total))))))


def select(app, k):
    st = app.state
    st["selected"] = None if st["selected"] == k else k


def add(app):
    st = app.state
    st["next"] += 1
    st["bars"].append((st["next"], 10 + st["rand"].below(H - 10)))


def remove(app):
    st = app.state
    if st["bars"]:
        k = st["bars"].pop(0)[0]
        if st["selected"] == k:
            st["selected"] = None


def randomize(app):
    st = app.state
    st["bars"] = [(k, 10 + st["rand"].below(H - 10)) for k, v in st["bars"]]


app = App("#app", view, {"bars": [(1, 40), (2, 90), (3, 60), (4, 110)], "next": 4, "selected": None,
                         "rand": Rand(3)})
