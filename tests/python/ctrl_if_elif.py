# if / elif / else chains and nested ifs.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        if n % 2:
            return "small odd"
        else:
            return "small even"
    else:
        return "large"
for n in (-5, 0, 3, 4, 10, 99):
    print(n, classify(n))
if []:
    print("not printed")
elif {}:
    print("not printed")
else:
    print("else branch")
