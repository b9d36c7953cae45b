# bytearray: mutation, append/extend/pop, slicing and conversions.
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba[1], bytes(ba))
ba[1:3] = b"XYZ"
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.insert(0, 33)
ba.reverse()
print(ba, ba.decode())
print(bytearray(4), bytearray([1, 2]), bytearray("hé", "utf-8"))
print(ba.upper(), ba.find(b"Z"), ba + b"!", ba == bytearray(ba))
ba.remove(ord("Z"))
print(ba, ba.hex())
del ba[:2]
print(ba, ba.count(b"d"), list(ba))
try:
    ba.append(256)
except ValueError as e:
    print("ValueError", e)
