# Uncaught ValueError from int() of a bad string.
raw = ["10", "20", "thirty"]
total = 0
for r in raw:
    total += int(r)
    print("running total", total)
