# Measures string building and string methods (join, split, lower, strip,
# replace, startswith, slicing, concatenation) and dict-heavy work (word and
# bigram counting with get/setdefault, an inverted index, sorting items):
# a word-frequency count over generated text, in the spirit of the classic
# "word frequency" / k-nucleotide style hashing benchmarks.
# Usage: python3 strings_dicts.py [lines]

import sys

WORDS = (
    "the quick brown fox jumps over lazy dog and runs into forest where "
    "many old trees stand near river that flows down from high mountain "
    "under bright sun while small birds sing their songs in morning light "
    "people walk along path talking about weather markets books music "
    "children play games build castles sand water stone wood iron gold"
).split()


class Lcg:
    """A tiny deterministic pseudo-random generator (no random module)."""

    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % bound


def make_text(n_lines, rng):
    lines = []
    nwords = len(WORDS)
    for _ in range(n_lines):
        count = 6 + rng.next(10)
        parts = []
        for k in range(count):
            w = WORDS[rng.next(nwords)]
            r = rng.next(20)
            if k == 0 or r == 0:
                w = w.capitalize()
            elif r == 1:
                w = w.upper()
            if r == 2:
                w = w + ","
            elif r == 3:
                w = "(" + w + ")"
            parts.append(w)
        lines.append(" ".join(parts) + ".")
    return "\n".join(lines)


def normalize(word):
    return word.strip(".,()").lower()


def count_words(text):
    counts = {}
    bigrams = {}
    index = {}
    lengths = {}
    for lineno, line in enumerate(text.split("\n")):
        words = [normalize(w) for w in line.split()]
        prev = None
        for w in words:
            counts[w] = counts.get(w, 0) + 1
            positions = index.setdefault(w, [])
            if not positions or positions[-1] != lineno:
                positions.append(lineno)
            if prev is not None:
                key = prev + " " + w
                bigrams[key] = bigrams.get(key, 0) + 1
            prev = w
        n = len(words)
        lengths[n] = lengths.get(n, 0) + 1
    return counts, bigrams, index, lengths


def rewrite(text):
    out = []
    for line in text.split("\n"):
        words = line.split()
        words.reverse()
        kept = [w.lower() for w in words if len(w) > 3]
        out.append(" ".join(kept).replace("the", "THE").strip(".,"))
    return "\n".join(out)


def string_hash(s):
    h = 0
    for ch in s:
        h = (h * 131 + ord(ch)) % 1000000007
    return h


def main():
    n_lines = int(sys.argv[1]) if len(sys.argv) > 1 else 36000
    rng = Lcg(42)
    text = make_text(n_lines, rng)
    counts, bigrams, index, lengths = count_words(text)

    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    top_bigrams = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    for word, c in top:
        print(word, c, len(index[word]))
    for pair, c in top_bigrams:
        print(repr(pair), c)

    # Rebuild a report string piece by piece and rewrite it.
    report = ""
    for word in sorted(counts):
        report += word[:3] + ":" + str(counts[word]) + ";"
    report = report.replace(";", "|").upper()
    s_words = [w for w in counts if w.startswith("s")]
    by_len = {}
    for w in counts:
        by_len.setdefault(len(w), []).append(w)
    shape = ",".join(str(k) + "=" + str(len(by_len[k])) for k in sorted(by_len))
    print("line lengths:", sorted(lengths.items()))
    print("words by length:", shape)

    rewritten = rewrite(text)
    print("rewritten:", len(rewritten), rewritten.count("THE"), rewritten.find("THEir"), rewritten[: rewritten.find("\n")])

    total = 0
    for c in counts.values():
        total += c
    print(
        "checksum:",
        len(text),
        total,
        len(counts),
        len(bigrams),
        len(s_words),
        string_hash(report),
    )


main()
