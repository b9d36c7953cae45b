# Real program: a stack-based RPN calculator with user-defined words and error handling.
class CalcError(Exception):
    pass

class RPN:
    def __init__(self):
        self.stack = []
        self.words = {}
        self.ops = {
            "+": lambda a, b: a + b,
            "-": lambda a, b: a - b,
            "*": lambda a, b: a * b,
            "/": self.divide,
            "max": max,
            "min": min,
        }

    @staticmethod
    def divide(a, b):
        if b == 0:
            raise CalcError("division by zero")
        return a // b if isinstance(a, int) and isinstance(b, int) and a % b == 0 else a / b

    def pop(self):
        if not self.stack:
            raise CalcError("stack underflow")
        return self.stack.pop()

    def run(self, line):
        tokens = line.split()
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok == ":":
                end = tokens.index(";", i)
                self.words[tokens[i + 1]] = tokens[i + 2:end]
                i = end + 1
                continue
            if tok in self.words:
                self.run(" ".join(self.words[tok]))
            elif tok in self.ops:
                b, a = self.pop(), self.pop()
                self.stack.append(self.ops[tok](a, b))
            elif tok == "dup":
                v = self.pop()
                self.stack += [v, v]
            elif tok == "swap":
                b, a = self.pop(), self.pop()
                self.stack += [b, a]
            elif tok == "drop":
                self.pop()
            else:
                try:
                    self.stack.append(int(tok))
                except ValueError:
                    try:
                        self.stack.append(float(tok))
                    except ValueError:
                        raise CalcError(f"unknown word {tok!r}") from None
            i += 1
        return self.stack

calc = RPN()
for line in ["3 4 +", "2 *", ": sq dup * ;", "sq", "10 swap -", "7 2 /", "drop 9 3 /",
             "1.5 2 * +", "5 max", "drop drop drop", "1 0 /", "+", "2 frob", "2 sq sq sq sq sq sq sq"]:
    try:
        print(f"{line:24} -> {calc.run(line)}")
    except CalcError as e:
        print(f"{line:24} !! {e}")
        calc.stack.clear()
