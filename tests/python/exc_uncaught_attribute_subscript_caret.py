# Uncaught TypeError on subscripting an int, showing the caret line.
config = {"depth": 3, "names": ["x", "y"]}
print(config["names"][1])
print(config["depth"][0])
