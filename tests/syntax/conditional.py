x = a if b else c
y = (a if b else c)
z = [a if b else c for a in d]
