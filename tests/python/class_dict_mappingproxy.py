# type.__dict__ is a read-only mappingproxy; item deletion errors as CPython's PyObject_DelItem.
class A:
    x = 1
    def m(self): pass
d = A.__dict__
print(type(d).__name__, d['x'], 'x' in d, len(d) > 0, d.get('zz', 5), d.get('x'))
try:
    d['y'] = 2
except TypeError as e: print(e)
try:
    del d['x']
except TypeError as e: print(e)
print(sorted(k for k in d if not k.startswith('__')))
print(sorted(k for k in d.keys() if not k.startswith('__')))
print(type(int.__dict__).__name__, int.__dict__['bit_length'])
print(repr(A.__dict__)[:25])
print(vars(A)['x'], type(vars(A)).__name__)
mp = type(A.__dict__)
p = mp({'a': 1})
print(p, str(p), p == {'a': 1}, p.copy(), list(p.items()), list(p.values()), len(p))
try: mp([1])
except TypeError as e: print(e)
try: hash(p)
except TypeError as e: print(e)
try: p.nope
except AttributeError as e: print(e)
A.y = 3
print(A.__dict__['y'])
print(isinstance(A.__dict__, dict))
print(d['nope'] if 'nope' in d else 'missing')
try: d['nope']
except KeyError as e: print('KeyError', e)
for o in [(1,2), 'ab', range(3), b'ab', {}.keys(), (x for x in ()), len, frozenset()]:
    for k in [0, 'k']:
        try: del o[k]
        except TypeError as e: print(e)
