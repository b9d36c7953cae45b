# Text files: write/read/append, newline handling, iteration, seek/tell, errors.
name = "_scratch_file_text_modes.txt"
with open(name, "w") as f:
    print(f.write("one\ntwo\r\nthree\rfour"), f.writable(), f.readable())
    print(f.name == name, f.mode, f.closed)
print(f.closed)

with open(name) as f:
    print(repr(f.read()))
with open(name, newline="") as f:
    print(f.readlines())
with open(name, newline="\n") as f:
    print([line for line in f])

with open(name, "a") as f:
    f.writelines(["\nfive", "\n", "six\n"])
with open(name) as f:
    print(f.readline(), end="")
    print(f.read(3), f.tell())
    rest = f.read()
    print(rest.split("\n"))
    print(repr(f.read()), repr(f.readline()))
    f.seek(0)
    print(repr(f.readline()))

with open(name, "r+") as f:
    f.write("ONE")
    f.seek(0)
    print(repr(f.readline()))

with open(name, "w", encoding="utf-8") as f:
    f.write("naïve café ☕\nline2\n")
with open(name, encoding="utf-8") as f:
    print(f.read(6), repr(f.read(4)), f.readline().strip())
with open(name, "rb") as f:
    print(f.read(8))

try:
    f.read()
except ValueError as e:
    print("ValueError", e)
with open(name) as f:
    try:
        f.write("x")
    except OSError as e:
        print(type(e).__name__, e)
with open(name, "w") as f:
    try:
        f.write(b"bytes")
    except TypeError as e:
        print("TypeError", e)
for mode in ["rw", "rr", "bt", "z", ""]:
    try:
        open(name, mode)
    except ValueError as e:
        print("ValueError", e)
try:
    open(name, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError", e)
