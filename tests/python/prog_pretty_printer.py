# Real program: a hand-written JSON-like serializer and pretty printer with escaping.
def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) > 0x7E:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dumps(value, indent=None, level=0):
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, (list, tuple)):
        items = [dumps(v, indent, level + 1) for v in value]
        open_, close = "[", "]"
    elif isinstance(value, dict):
        items = [escape(str(k)) + ": " + dumps(v, indent, level + 1) for k, v in value.items()]
        open_, close = "{", "}"
    else:
        raise TypeError(f"cannot serialize {type(value).__name__}")
    if not items:
        return open_ + close
    if indent is None:
        return open_ + ", ".join(items) + close
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    return open_ + "\n" + ",\n".join(pad + it for it in items) + "\n" + end_pad + close


doc = {
    "name": "pyrite",
    "version": [0, 1, 0],
    "stable": False,
    "license": None,
    "ratio": 0.75,
    "notes": "line one\nline \"two\"\ttabbed",
    "authors": [{"name": "Zoë", "commits": 1204}, {"name": "Li", "commits": 88}],
    "empty": {},
    "nothing": [],
    "nested": {"a": {"b": {"c": [1, [2, [3]]]}}},
}
print(dumps(doc))
print(dumps(doc, indent=2))
print(dumps([1, (2, 3), "x"], indent=4))
try:
    dumps({"bad": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
