# Uncaught ValueError from unpacking the wrong number of values.
point = (1, 2, 3)
x, y = point
