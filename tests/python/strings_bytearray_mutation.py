# bytearray: construction, mutation by methods, item and slice assignment/deletion, += and *=.
ba = bytearray(b"hello")
ba.append(33)
ba.extend(b" world")
ba.extend([65, 66])
ba.extend(bytearray(b"?"))
ba.extend(x for x in range(48, 50))
print(ba, len(ba))
ba.insert(0, 62)
ba.insert(-1, 95)
ba.insert(100, 60)
print(ba, ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("l"))
ba.reverse()
print(ba)
ba[0] = 88
ba[-1] = 89
ba[1:4] = b"[]"
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[0]
del ba[::3]
del ba[2:5]
print(ba, ba.copy() == ba, ba.copy() is ba)
b2 = bytearray(b"abc")
alias = b2
b2 += b"def"
b2 *= 2
print(b2, alias is b2, b2 + b"!", b2 * 0, 2 * bytearray(b"xy"), b2 == b"abcdefabcdef", b"abcdefabcdef" == b2)
b2[0:0] = [120, 121]
b2[-2:] = bytearray(b"END")
print(b2, b2[0], b2[-3:], b2[::-1][:3], b2.decode(), str(b2), repr(bytearray(b"it's")), repr(bytearray()))
b2.clear()
print(b2, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") < bytearray(b"y"), 120 in bytearray(b"x"))
class BA(bytearray):
    pass
sub = BA(b"sub")
sub.append(33)
print(sub, type(sub).__name__, type(sub + b"").__name__, type(sub[0:2]).__name__)
for bad in [lambda: ba.append(256), lambda: ba.append("a"), lambda: ba.append(), lambda: bytearray().pop(), lambda: ba.pop(100),
            lambda: ba.remove(120), lambda: ba.remove(300), lambda: ba.insert(1), lambda: ba.insert("a", 1), lambda: ba.extend(1),
            lambda: ba.extend([300]), lambda: ba.extend("ab"), lambda: ba[100], lambda: ba["x"], lambda: ba.__setitem__(100, 1),
            lambda: ba.__setitem__(0, 300), lambda: ba.__setitem__(slice(0, 3, 2), b"x"), lambda: ba.__setitem__(slice(0, 1), 5),
            lambda: ba.__delitem__(100), lambda: hash(ba), lambda: ba + "x", lambda: ba * "x", lambda: ba < "x",
            lambda: bytearray(-1), lambda: bytearray("abc"), lambda: bytearray(b"x", "ascii"), lambda: bytearray([1, "a"]), lambda: bytearray(1.5)]:
    try:
        print(bad())
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
