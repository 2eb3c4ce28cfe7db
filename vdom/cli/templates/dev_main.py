# The page's entry under `python -m vdom dev`: vdom.app's development mode (errors in
# components show in its overlay), then the app's module; an error while that module runs
# (a SyntaxError, an ImportError, anything at module level) shows in the dev overlay.
import sys

try:
    from vdom.app.application import Application

    Application.development = True
except ImportError:   # an app on the core alone: vdom.app is not shipped
    pass

try:
    import {{module}}  # noqa: F401
except BaseException as exc:  # noqa: B902 (shown, not raised: the page stays up and reloads on save)
    import js

    if hasattr(sys, "print_exception"):  # MicroPython
        import io

        buf = io.StringIO()
        sys.print_exception(exc, buf)
        text = buf.getvalue()
    else:
        import traceback

        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    js.console.error("python -m vdom dev: the app failed to load\n" + text)
    js.window.pyvdomDevError(text)
