x = a and b and c
y = a or b or c
z = a and b or c and d
w = not a and not b
