# Uncaught ZeroDivisionError at module level: traceback with caret line.
print("before")
x = 10
y = 0
print(x / y)
print("never printed")
