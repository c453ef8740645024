"""kehu 客户档案 — an offline client-record manager for small businesses."""

__version__ = "0.1.0"
