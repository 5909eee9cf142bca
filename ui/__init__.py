"""The PySide6 desktop app: thin widgets over ``explorer``'s Qt-free core."""
