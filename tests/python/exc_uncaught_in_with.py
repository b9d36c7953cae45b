# Uncaught exception inside a with block; __exit__ runs first and does not suppress.
class Guard:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, *a):
        print("exit with", a[0].__name__)
with Guard():
    data = {"a": 1}
    print(data["b"])
