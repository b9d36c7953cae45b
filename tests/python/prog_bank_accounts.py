# Real program: a bank-account class hierarchy with transactions, errors and a report.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: cannot withdraw {amount}, balance {account.balance}")
        self.account = account
        self.amount = amount


class Account:
    _next_id = 1000
    kind = "basic"

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.id = Account._next_id
        Account._next_id += 1

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def available(self):
        return self.balance

    def month_end(self):
        pass

    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance})"


class Savings(Account):
    kind = "savings"

    def __init__(self, owner, balance=0, rate_percent=2):
        super().__init__(owner, balance)
        self.rate_percent = rate_percent

    def month_end(self):
        interest = self.balance * self.rate_percent // 100
        if interest:
            self.deposit(interest)


class Checking(Account):
    kind = "checking"

    def __init__(self, owner, balance=0, overdraft=100):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def available(self):
        return self.balance + self.overdraft

    def month_end(self):
        if self.balance < 0:
            self.balance -= 5
            self.history.append(("fee", 5))


class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.id] = acct
        return acct

    def transfer(self, src, dst, amount):
        src.withdraw(amount)
        dst.deposit(amount)

    def total(self):
        return sum(a.balance for a in self.accounts.values())

    def report(self):
        for acct in sorted(self.accounts.values(), key=lambda a: (a.kind, a.owner)):
            print(f"{acct.id} {acct.kind:<9}{acct.owner:<6}{acct.balance:>8}")


bank = Bank()
alice = bank.open(Savings, "alice", 1000, rate_percent=3)
bob = bank.open(Checking, "bob", 50)
carol = bank.open(Account, "carol")
carol.deposit(75)
bank.transfer(alice, bob, 200)
bank.transfer(bob, carol, 300)
for src, dst, amt in [(carol, alice, 500), (bob, alice, 10), (alice, carol, 1)]:
    try:
        bank.transfer(src, dst, amt)
    except InsufficientFunds as e:
        print("refused:", e)
try:
    carol.deposit(-5)
except ValueError as e:
    print("refused:", e)
for acct in bank.accounts.values():
    acct.month_end()
bank.report()
print("total", bank.total())
print(bob.history)
print([alice, bob, carol])
