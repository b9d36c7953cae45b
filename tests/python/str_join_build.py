# Building strings: join vs concatenation in loops, repeated joins, multiline output.
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts), repr("".join([])), "-".join("abc"))
s = ""
for word in ["alpha", "beta", "gamma"]:
    s += word[0].upper() + word[1:] + " "
print(repr(s.strip()))
table = [["name", "qty"], ["apple", "3"], ["kiwi", "12"]]
widths = [max(len(r[i]) for r in table) for i in range(2)]
for row in table:
    print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)))
print("\n".join(f"{i}: {'*' * i}" for i in range(1, 4)))
print(" ".join(map(str, [1.5, None, True, [1]])))
