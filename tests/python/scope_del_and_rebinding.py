# Rebinding names in loops, deleting globals from a function, shadowing builtins.
def remove_global():
    global temp
    del temp
temp = 1
remove_global()
print("temp" in globals())
len = lambda x: "shadowed"
print(len([1, 2]))
del len
print(len([1, 2]))
for i in range(3):
    pass
print(i)
def count_calls():
    count_calls.n = getattr(count_calls, "n", 0) + 1
    return count_calls.n
count_calls(); count_calls()
print(count_calls())
x = 1
def read_then_global():
    global x
    x = x + 1
    return x
print(read_then_global(), x)
