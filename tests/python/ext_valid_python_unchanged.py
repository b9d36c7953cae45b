# Valid Python that looks like the course's extensions (`i++`, `until`)
# keeps its Python meaning in pyrite.
a, b = 5, 2
print(a ++b, a--b, a ++ +b, a-- -b)
i = 3
print(i++1, i--1, i+++1, i---1)
x = a ++b
print(x)
y = i++ + 1
print(y)
z = (i
     ++
     b)
print(z)
print([i++2, i--2], {i++3: i--3})
until = 3
print(until)
until += 1
print(until)
def until(x):
    return x * 2
print(until(4), until (5))
until = [10, 20]
until [0] = 7
until[1]: int = 8
print(until)
class K:
    pass
until = K()
until.attr = 1
until.attr: int = 2
print(until.attr)
until = {'k': 1}
print(until ['k'])
del until
def f(until=1):
    return until
print(f(), f(until=4))
until = lambda: 'called'
print(until())
print([until for until in range(3)])
import math as until
print(until.floor(2.5))
