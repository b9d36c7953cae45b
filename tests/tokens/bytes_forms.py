a = b'abc'
b = B"x"
c = br'\d'
d = b'\xff\n\377'
e = b'a' b'b'
