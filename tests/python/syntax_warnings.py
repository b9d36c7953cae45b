# The compiler's SyntaxWarnings (compile.c: check_compare, check_caller, check_subscripter, check_index, assert on a tuple), printed on stderr.
x = 1
print(x is 1 is None, x is -1, x is 1.5, x is b"b", x is ..., x is not True, x is (x, 1), x is [1], x is {})
print(1 if x is 0 else 2)
while x is 2: pass
y = [x for x in [] if x is 3]
def f(a=x is "a"): return (lambda: a is 4)()
class C:
    z = 1 is 1
(x, 1)(3) if False else 0
[1](2) if False else 0
{1: 2}() if False else 0
f"a{x}"() if False else 0
"abc"() if False else 0
1.5() if False else 0
(x for x in [])() if False else 0
None[1] if False else 0
True[0] if False else 0
{1, 2}[0] if False else 0
(lambda: 1)[0] if False else 0
(1, 2)["a"] if False else 0
[1, 2][x:2] if False else 0
[1][True] if False else 0
"ab"[1.5] if False else 0
b"ab"["x"] if False else 0
f"{x}"[None] if False else 0
[i for i in []][()] if False else 0
d = {"a": 1}["a"]
assert (1, 2), "m"
assert () or True
assert x, (1, 2)
print(x.y if False else 0)
exec('y = 1 is 1')
exec(compile('z = 2 is not 2', 'fake.py', 'exec'))
