# Real program: greedy word wrapping and full justification of a paragraph.
PARA = ("Python is a programming language that lets you work quickly and integrate "
        "systems more effectively. Reference counting and a cycle collector manage "
        "memory, so most programs never think about it at all.")

def wrap(text, width):
    lines, cur = [], []
    for word in text.split():
        if cur and len(" ".join(cur + [word])) > width:
            lines.append(cur)
            cur = []
        cur.append(word)
    if cur:
        lines.append(cur)
    return lines

def justify(words, width):
    if len(words) == 1:
        return words[0].ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]

for width in (30, 45):
    print("=" * width)
    lines = wrap(PARA, width)
    for ws in lines[:-1]:
        print(justify(ws, width) + "|")
    print(" ".join(lines[-1]).ljust(width) + "|")
print("=" * 20)
for ws in wrap(PARA, 20):
    print(" ".join(ws).center(20, "."))
