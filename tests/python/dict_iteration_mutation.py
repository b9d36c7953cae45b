# Iterating over a dict while changing its size raises RuntimeError; safe patterns.
d = {i: i * i for i in range(5)}
try:
    for k in d:
        if k == 2:
            d[10] = 0
except RuntimeError as e:
    print("RuntimeError", e)
d = {i: i * i for i in range(5)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
d2 = {k: v for k, v in d.items() if v > 0}
print(d2)
for k in d:
    d[k] = -d[k]
print(d)
