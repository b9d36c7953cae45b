while x:

print(x)
