# Real program: tokenizer, recursive-descent parser and evaluator for arithmetic expressions.
class Token:
    def __init__(self, kind, value, pos):
        self.kind = kind
        self.value = value
        self.pos = pos

    def __repr__(self):
        return f"{self.kind}:{self.value}"


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            lit = text[start:i]
            tokens.append(Token("num", float(lit) if "." in lit else int(lit), start))
        elif ch.isalpha():
            start = i
            while i < len(text) and text[i].isalnum():
                i += 1
            tokens.append(Token("name", text[start:i], start))
        elif ch in "+-*/%^()":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", None, len(text)))
    return tokens


class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.i = 0
        self.env = env

    def peek(self):
        return self.tokens[self.i]

    def take(self, value=None):
        tok = self.tokens[self.i]
        if value is not None and tok.value != value:
            raise SyntaxError(f"expected {value!r} at {tok.pos}, found {tok.value!r}")
        self.i += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            rhs = self.factor()
            if op == "*":
                value *= rhs
            elif op == "/":
                value /= rhs
            else:
                value %= rhs
        return value

    def factor(self):
        if self.peek().value == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base

    def atom(self):
        tok = self.take()
        if tok.kind == "num":
            return tok.value
        if tok.kind == "name":
            if tok.value not in self.env:
                raise NameError(f"unknown variable {tok.value}")
            return self.env[tok.value]
        if tok.value == "(":
            v = self.expr()
            self.take(")")
            return v
        raise SyntaxError(f"unexpected {tok.value!r} at {tok.pos}")


def evaluate(text, env=None):
    p = Parser(tokenize(text), env or {})
    v = p.expr()
    if p.peek().kind != "end":
        raise SyntaxError(f"unexpected {p.peek().value!r} at {p.peek().pos}")
    return v


print(tokenize("3 + 4*(2 - x1)"))
env = {"x": 3, "y": 4, "big": 10 ** 20}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x * x + y * y",
            "10 / 4", "17 % 5 - -3", "big * big + 1", "1.5 * 4", "((7))"]:
    print(f"{src:16} = {evaluate(src, env)}")
for bad in ["1 +", "2 * (3 + 4", "4 $ 4", "z + 1", "1 / (x - 3)", ")"]:
    try:
        evaluate(bad, env)
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print(f"{bad:16} -> {type(e).__name__}: {e}")
