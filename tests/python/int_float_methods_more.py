# Common int/float helpers: int.bit_length, float.is_integer, conversions via str().
for n in [0, 1, 255, 256, -1, 10 ** 18]:
    print(n, n.bit_length(), str(n), len(str(abs(n))))
for x in [0.0, 1.5, -2.0, 1e300, 3.0000000000000004]:
    print(x, x.is_integer(), int(x) if x.is_integer() else "-")
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"))
print(float.fromhex("0x1.ffffffffffffp+1023") == 1.7976931348622732e308)
