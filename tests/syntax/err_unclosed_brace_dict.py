d = {1: 2,
     3: 4
print(d)
