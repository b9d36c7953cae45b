# Helper module (not a test program): functions that raise.
class ValidationError(Exception):
    pass


def safe_div(a, b):
    return a / b


def validate_age(age):
    if age < 0:
        raise ValidationError(f"age must be non-negative, got {age}")
    return age
