"""The server's service layer: every rule and every write lives here; routers stay thin.

Services take a SQLAlchemy ``Session`` (inside ``Database.write()`` for writes) and a
``Caller``, and return ``console.domain`` values. They raise ``ApiError`` subclasses, which
the HTTP layer turns into ``ErrorOut`` bodies.
"""
