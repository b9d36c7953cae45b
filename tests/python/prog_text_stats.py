# Real program: text statistics over an embedded string (word counts, lengths, histogram).
TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

def words_of(text):
    cleaned = []
    for ch in text.lower():
        cleaned.append(ch if ch.isalpha() or ch.isspace() else " ")
    return "".join(cleaned).split()

words = words_of(TEXT)
print("lines", len(TEXT.splitlines()), "words", len(words), "chars", len(TEXT))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for w, c in top:
    print(f"{w:>8} {c:3} {'#' * c}")
print("unique", len(counts), "hapax", sorted(w for w, c in counts.items() if c == 1))
lengths = {}
for w in words:
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    print(n, len(lengths[n]), sorted(set(lengths[n]))[:3])
avg = sum(len(w) for w in words) / len(words)
print(f"average word length {avg:.3f}")
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
common = sorted(letters, key=lambda ch: (-letters[ch], ch))[:5]
print("common letters", "".join(common), [letters[c] for c in common])
sentences = [s.strip() for s in TEXT.replace("\n", " ").split(",") if s.strip()]
print(len(sentences), sentences[-1])
print(max(words, key=len), min(words, key=len), TEXT.count("it was"))
