a, *b = c
*a, b = c
print(*a)
x = *a, *b
return_value = [*range(3)]
