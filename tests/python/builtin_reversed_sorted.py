# reversed() and sorted() with key, reverse, and stability.
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((4, 5))))
data = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted("hello"), sorted([3, 1, 2], reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted({3: "a", 1: "b"}), sorted([]))
people = [("amy", 30), ("bob", 25), ("cat", 30), ("dan", 25)]
by_age_then_name = sorted(sorted(people), key=lambda p: p[1])
print(by_age_then_name)
print(sorted([1.5, -2, 0, True]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
