# marshal.dumps/loads of the values code objects hold (CPython's version 2 bytes,
# its version 4 forms read back) and CPython's errors.
import marshal
vals = [None, True, False, ..., 0, -1, 1, 2**31, -2**31, 2**31 - 1, 2**63, -2**63 - 1, 2**200, -3**90,
        0.0, -0.0, 1.5, float('inf'), 1e300, 2j, complex(-1.5, 0.25), '', 'abc', 'é\u20ac\U0001F600',
        b'', b'\x00\xff', (), (1,), (1, 'a', (2.5, b'z')), frozenset(), frozenset({3})]
for v in vals:
    d = marshal.dumps(v, 2)
    back = marshal.loads(d)
    print(repr(v), d, repr(back), type(back).__name__, back == v or v != v)
for v in vals:
    assert marshal.loads(marshal.dumps(v)) == v
print(marshal.version)
for bad in [object(), print, int, (1, object()), frozenset({1j, print})]:
    try:
        marshal.dumps(bad)
    except ValueError as e:
        print('ValueError', e)
for data in [b'', b'i\x01', b'\x01', b'u\x05\x00\x00\x00ab', b'(\x02\x00\x00\x00N', b'r\x00\x00\x00\x00',
             b'l\x01\x00\x00\x00\xff\xff', b'(\xff\xff\xff\xff', b'NN', b'l\x01\x00\x00\x00\x00\x00',
             b'\xa9\x02\xda\x01a\x72\x01\x00\x00\x00', b'\xe9\x07\x00\x00\x00', b's\xff\xff\xff\xff']:
    try:
        print(repr(data), '->', repr(marshal.loads(data)))
    except (ValueError, EOFError) as e:
        print(repr(data), type(e).__name__, e)
for args in [(), (1, 2, 3)]:
    try:
        marshal.dumps(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    marshal.loads('abc')
except TypeError as e:
    print('TypeError', e)
print(marshal.loads(bytearray(b'i\x05\x00\x00\x00')))
