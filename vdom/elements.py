"""HTML facts the core needs to validate input (void and raw-text elements)."""

VOID = {
    "area": 1, "base": 1, "br": 1, "col": 1, "embed": 1, "hr": 1, "img": 1, "input": 1,
    "link": 1, "meta": 1, "source": 1, "track": 1, "wbr": 1,
    "basefont": 1, "bgsound": 1, "frame": 1, "keygen": 1, "param": 1,
}

# Elements whose text the HTML parser does not decode.
RAW_TEXT = {"script": 1, "style": 1, "xmp": 1, "iframe": 1, "noembed": 1, "noframes": 1}
