"""The PySide6 desktop app: thin widgets over ``explorer``'s Qt-free core."""

from .refcount_guard import guard_singletons

guard_singletons()
