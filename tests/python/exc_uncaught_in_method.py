# Uncaught exception raised in a method called through several layers.
class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)
    def pop(self):
        return self.items.pop()
class Calculator:
    def __init__(self):
        self.stack = Stack()
    def binary(self, op):
        b = self.stack.pop()
        a = self.stack.pop()
        self.stack.push(op(a, b))
calc = Calculator()
calc.stack.push(4)
calc.binary(lambda a, b: a + b)
