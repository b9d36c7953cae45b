# Real program: Huffman coding with deterministic tie-breaking, encoding and decoding.
TEXT = "this is an example of a huffman tree built by hand"

def build_codes(text):
    freq = {}
    for ch in text:
        freq[ch] = freq.get(ch, 0) + 1
    nodes = [(f, ch, ch) for ch, f in freq.items()]
    counter = 0
    while len(nodes) > 1:
        nodes.sort(key=lambda n: (n[0], n[1]))
        a, b = nodes[0], nodes[1]
        counter += 1
        merged = (a[0] + b[0], "~%03d" % counter, (a[2], b[2]))
        nodes = nodes[2:] + [merged]
    codes = {}
    def walk(tree, prefix):
        if isinstance(tree, str):
            codes[tree] = prefix or "0"
        else:
            walk(tree[0], prefix + "0")
            walk(tree[1], prefix + "1")
    walk(nodes[0][2], "")
    return freq, codes, nodes[0][2]

def decode(bits, tree):
    out, node = [], tree
    for b in bits:
        node = node[int(b)]
        if isinstance(node, str):
            out.append(node)
            node = tree
    return "".join(out)

freq, codes, tree = build_codes(TEXT)
for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
    print(repr(ch), freq[ch], codes[ch])
bits = "".join(codes[ch] for ch in TEXT)
print(len(bits), "bits vs", 8 * len(TEXT))
print(bits[:64])
print(decode(bits, tree) == TEXT)
prefix_free = all(not b.startswith(a) for a in codes.values() for b in codes.values() if a != b)
print("prefix free:", prefix_free)
