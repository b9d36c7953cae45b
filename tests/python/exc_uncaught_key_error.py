# Uncaught KeyError from a dict lookup.
prices = {"apple": 3, "pear": 4}
print(prices["apple"])
total = prices["apple"] + prices["banana"]
