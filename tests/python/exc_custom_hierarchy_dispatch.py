# A user exception hierarchy used to dispatch errors to handlers.
class HttpError(Exception):
    status = 500
    def __init__(self, detail=""):
        super().__init__(detail)
        self.detail = detail
class ClientError(HttpError):
    status = 400
class NotFound(ClientError):
    status = 404
class Forbidden(ClientError):
    status = 403
class Teapot(ClientError):
    status = 418
def handle(path):
    routes = {"/": "home", "/about": "about"}
    if path.startswith("/admin"):
        raise Forbidden(path)
    if path == "/tea":
        raise Teapot("short and stout")
    if path == "/crash":
        raise HttpError("internal")
    if path not in routes:
        raise NotFound(path)
    return 200, routes[path]
for p in ["/", "/admin/users", "/missing", "/tea", "/crash", "/about"]:
    try:
        print(p, handle(p))
    except NotFound as e:
        print(p, e.status, "not found:", e.detail)
    except ClientError as e:
        print(p, e.status, type(e).__name__, e)
    except HttpError as e:
        print(p, e.status, "server error", repr(e))
