# Augmented assignment to names, attributes, subscripts and slices.
class Box:
    pass
b = Box()
b.n = 1
b.n += 41
print(b.n)
d = {"k": [1]}
d["k"] += [2, 3]
d["k"][0] -= 10
print(d)
lst = [1, 2, 3]
alias = lst
lst += [4]
print(lst, alias is lst)
t = (1, 2)
t2 = t
t += (3,)
print(t, t2)
s = "ab"
s *= 3
print(s)
calls = []
def key():
    calls.append("key")
    return 0
arr = [5]
arr[key()] *= 2
print(arr, calls)
