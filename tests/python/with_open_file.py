# open() in text mode: write, append, read, readline, iteration, as a context manager.
name = "_scratch_with_open_file.txt"
with open(name, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    print("wrote", n, f.closed)
print(f.closed)
with open(name, "a") as f:
    f.writelines(["third\n", "fourth"])
with open(name) as f:
    print(repr(f.readline()))
    print(repr(f.read()))
with open(name) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(name) as f:
    print(f.readlines())
with open(name, "w") as f:
    print("via print", 42, file=f)
with open(name) as f:
    print(repr(f.read()))
try:
    open("_scratch_no_such_dir/x.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
