def función(ñ):
    é = ñ
    def inner():
        return é
    return inner
