# marshal round trip of code objects: a function's code and compile()'s.
import marshal
def f(x, y=3):
    return [x * i + y for i in range(3)]
c = marshal.loads(marshal.dumps(f.__code__))
print(type(c).__name__, c.co_name, c.co_varnames, c.co_consts[0])
code = compile("print('hi from', __name__); z = sum(range(10))", "<s>", "exec")
ns = {'__name__': 'ns'}
exec(marshal.loads(marshal.dumps(code)), ns)
print(ns['z'])
try:
    marshal.loads(marshal.dumps(f.__code__)[:-3])
except (EOFError, ValueError) as e:
    print(type(e).__name__)
