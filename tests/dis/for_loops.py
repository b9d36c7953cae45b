for i in range(10):
    print(i)
for k, v in d.items():
    if k:
        continue
    total += v
else:
    finished()
for x in [1, 2, 3]:
    pass
for c in "abc":
    for d in c:
        break
