# Uncaught user-defined exception class with a message.
class InsufficientFunds(Exception):
    pass
def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(f"cannot withdraw {amount} from {balance}")
    return balance - amount
print(withdraw(100, 30))
withdraw(10, 30)
