# Uncaught NameError with CPython's "Did you mean" suggestion.
counter = 1
print(counter)
print(countr + 1)
