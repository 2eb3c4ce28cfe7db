"""A Jinja2 template inside a vdom.app page (Pyodide only: there is no Jinja2 for MicroPython).

PuePy's Jinja example overrides a rendering internal (``_render_onto``) to set ``innerHTML``.
Here the ``JinjaFragment`` component renders its template to a string and gives it to ``t()``
as ``markupsafe.Markup``: an object with ``__html__()`` is inserted as trusted HTML (as
``vdom.app.html(...)`` is), and is replaced when the output changes.  Jinja's autoescape
escapes the data (type ``<i>`` into the name: it shows as text).  Clicks inside the
template's markup reach the component's ``on_click`` on its own element (events bubble), which
reads ``data-pick`` from the clicked button and tells the page with ``trigger_event``: no
listeners are added to the inserted markup.

Jinja2 and MarkupSafe come from PyPI: ``python3 -m examples`` puts their pure-Python files in
``examples/app-jinja/.cache/jinja2-markupsafe.zip``; the app fetches it from the gallery (same
origin, no CDN, no micropip) and unpacks it onto ``sys.path`` before importing ``jinja2``.
"""

import sys
from vdom.app import Application, Page, Component, Prop, t
from vdom.app.runtime import is_null
from gallery import serve_app

PYODIDE = sys.platform == "emscripten"
ZIP_URL = "./.cache/jinja2-markupsafe.zip"
SITE = "/tmp/app-jinja-site"

TEMPLATE = """
<h2 class="greeting">Hello, {{ name or "stranger" }}!</h2>
{% if pets %}
<ul class="pets">
  {% for pet in pets %}
  <li class="pet{% if pet.name == picked %} picked{% endif %}" data-name="{{ pet.name }}">
    <b>{{ pet.name }}</b> the {{ pet.kind }}
    <button type="button" data-pick="{{ pet.name }}">{% if pet.name == picked %}picked{% else %}pick{% endif %}</button>
  </li>
  {% endfor %}
</ul>
{% else %}
<p class="empty">No pets yet.</p>
{% endif %}
<p class="footnote">{{ pets | length }} pet{{ "" if pets | length == 1 else "s" }}, rendered by Jinja2 {{ version }}</p>
"""

jinja = {"env": None, "templates": {}}     # filled once Jinja2 is imported


def compiled(source):
    cache = jinja["templates"]
    tpl = cache.get(source)
    if tpl is None:
        tpl = cache[source] = jinja["env"].from_string(source)
    return tpl


app = Application()


@t.component()
class JinjaFragment(Component):
    """Renders ``template`` with ``context`` into its element, as trusted HTML."""

    props = [Prop("template", "Jinja2 template source"), Prop("context", "the template's variables", type=dict)]
    component_name = "jinja2"

    def populate(self):
        from markupsafe import Markup

        out = compiled(self.template).render(**(self.context or {}))
        t(Markup(out))                      # __html__(): inserted as markup, not text

    def get_default_attrs(self):
        return {"on_click": self.clicked}

    def clicked(self, event):
        button = event.target.closest("[data-pick]")
        if not is_null(button):
            self.trigger_event("pick", detail={"name": str(button.dataset.pick)})


@app.page()
class JinjaPage(Page):
    def initial(self):
        return {"status": "loading" if PYODIDE else "micropython", "name": "Monty", "picked": "",
                "pets": [{"name": "Rex", "kind": "dog"}, {"name": "Tom", "kind": "cat"}],
                "new_pet": "", "kind": "dog"}

    def page_title(self):
        return "Jinja \u00b7 vdom.app"

    def populate(self):
        t.h1("A Jinja2 template in a vdom.app page")
        status = self.state["status"]
        if status == "micropython":
            with t.div(id="pyodide-only", classes="note"):
                t.p("This example runs under Pyodide only: Jinja2 (and MarkupSafe) are CPython "
                    "libraries that do not exist for MicroPython.")
                t.a("Open it under Pyodide", href="?py", id="to-pyodide")
            return
        if status == "loading":
            t.p("Loading Jinja2 \u2026", id="loading")
            return
        if status != "ready":
            t.p(status, id="jinja-missing")
            return
        with t.form(on_submit=self.add_pet, id="add-pet"):
            t.label("Your name ", for_="name")
            t.input(id="name", bind="name", autocomplete="off")
            t(" \u00b7 a new pet: ")
            t.input(id="new-pet", bind="new_pet", placeholder="its name", autocomplete="off")
            with t.select(id="kind", bind="kind"):
                for kind in ("dog", "cat", "fish"):
                    t.option(kind, value=kind)
            t.button("Add", type="submit", id="add", disabled=not self.state["new_pet"].strip())
        # As in PuePy's example, the context is the page's state itself: a prop given again as the
        # same dict (or list) counts as changed, so the fragment re-renders after every change.
        # (A new dict holding state values that mutate() edits in place would compare equal to
        # the last one, which holds the same edited objects, and not re-render it.)
        t.jinja2(template=TEMPLATE, context=self.state, id="jinja-out", on_pick=self.pick)
        t.p("picked: %s" % (self.state["picked"] or "nobody"), id="picked")

    def add_pet(self, event):
        event.preventDefault()
        name = self.state["new_pet"].strip()
        if name:
            with self.state.mutate("pets") as pets:
                pets.append({"name": name, "kind": self.state["kind"]})
            self.state["new_pet"] = ""

    def pick(self, event):
        self.state["picked"] = event.detail["name"]


async def load_jinja():
    """Fetch the zip from the gallery, unpack it onto sys.path, import Jinja2 (Pyodide only)."""
    page = app.active_page
    try:
        from pyodide.http import pyfetch

        resp = await pyfetch(ZIP_URL)
        if not resp.ok:
            page.state["status"] = ("Jinja2 is not prepared (%s %s): run `python3 -m examples` with access to "
                                    "PyPI once." % (resp.status, ZIP_URL))
            return
        await resp.unpack_archive(extract_dir=SITE, format="zip")
        sys.path.insert(0, SITE)
        import jinja2

        env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
        env.globals["version"] = jinja2.__version__
        jinja["env"] = env
        page.state["status"] = "ready"
    except Exception as e:
        page.state["status"] = "Could not load Jinja2: %s: %s" % (type(e).__name__, e)


serve_app(app)
if PYODIDE:
    import asyncio

    asyncio.ensure_future(load_jinja())
