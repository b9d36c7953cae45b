# while loops with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n", n)
else:
    print("while else ran")
n = 0
while True:
    n += 1
    if n > 3:
        break
print("after break", n)
n = 10
while n < 5:
    print("never")
else:
    print("else with zero iterations")
i = 0
while i < 10:
    i += 1
    if i == 4:
        break
else:
    print("not printed")
print("i", i)
