# Binary files: bytes in and out, readline on bytes, seek from the end, r+b.
name = "_scratch_file_binary_modes.bin"
data = bytes(range(0, 256, 17)) + b"\nline two\n\r\nend"
with open(name, "wb") as f:
    print(type(f).__name__, f.mode, f.write(data))
with open(name, "rb") as f:
    print(type(f).__name__, f.mode)
    print(f.read(4), f.tell())
    print(f.readline())
    print(f.readlines())
    print(f.read(), f.read(10))
    print(f.seek(-3, 2), f.read())
    print(f.seek(0), f.read(2))
with open(name, "r+b") as f:
    print(type(f).__name__, f.mode)
    f.seek(2)
    f.write(b"XY")
    f.seek(0)
    print(f.read(6))
with open(name, "ab") as f:
    print(f.mode, f.write(b"++"))
with open(name, "rb") as f:
    print(f.read()[-5:])
with open(name, "rb") as f:
    try:
        f.write(b"no")
    except OSError as e:
        print(type(e).__name__, e)
with open(name, "wb") as f:
    try:
        f.write("text")
    except TypeError as e:
        print("TypeError", e)
with open(name, "rb") as f:
    print(repr(f.read()))
