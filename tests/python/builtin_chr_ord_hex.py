# chr, ord, hex, oct, bin including negatives and big values.
print(chr(65), chr(97), chr(8364), chr(0x1F600) == "\U0001F600", ord("A"), ord("€"), ord("\n"))
print(hex(255), hex(-255), hex(0), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(hex(2 ** 64), oct(2 ** 40), bin(2 ** 20))
print([ord(c) for c in "Hi!"], "".join(chr(c) for c in [80, 121]))
print(int(hex(12345), 16), int(bin(99), 2), int(oct(77), 8))
