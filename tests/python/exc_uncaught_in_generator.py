# Uncaught exception raised inside a generator consumed by a for loop.
def parse_all(lines):
    for line in lines:
        key, value = line.split("=")
        yield key, int(value)
for k, v in parse_all(["a=1", "b=2", "c=x"]):
    print(k, v)
