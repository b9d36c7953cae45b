if x:
    a = 1
elif y:
    a = 2
else:
    a = 3
while x:
    x -= 1
    if x == 5:
        break
    if x == 3:
        continue
else:
    done()
while True:
    step()
    if stop():
        break
if 0:
    never()
