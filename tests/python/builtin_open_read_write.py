# open() in the current directory: w, r, a modes, seek/tell, read sizes.
fname = "_scratch_builtin_open_read_write.txt"
f = open(fname, "w", encoding="utf-8")
f.write("alpha\nbeta\ngamma\n")
f.close()
f = open(fname, encoding="utf-8")
print(f.read(5), repr(f.read(1)), f.readline(), f.tell())
f.seek(0)
print(f.read().splitlines())
f.close()
with open(fname, "a", encoding="utf-8") as f:
    f.write("delta")
with open(fname, encoding="utf-8") as f:
    lines = [line.strip() for line in f]
print(lines, len(lines))
with open(fname, "w", encoding="utf-8") as f:
    f.write("héllo wörld\n")
with open(fname, encoding="utf-8") as f:
    t = f.read()
print(t, len(t))
with open(fname, "rb") as f:
    raw = f.read()
print(raw, len(raw))
