"""Errors of the database layer, each with a message in Chinese and English that says what
happened and what to do. The UI and the CLI show `message()`; neither shows a traceback."""

from __future__ import annotations

from kehu.core.language import pick


class DatabaseError(Exception):
    zh = "数据库出错"
    en = "Database error"

    def __init__(self, path: object = None, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str | None = None) -> str:
        text = pick(self.zh, self.en, lang).format(path=self.path)
        return f"{text}\n{self.detail}" if self.detail else text


class NotADatabaseError(DatabaseError):
    zh = "“{path}”不是客户档案数据库（文件可能已损坏，或选错了文件）。请选择正确的文件，或用“恢复备份”找回最近的备份。"
    en = (
        "'{path}' is not a kehu database (it may be damaged, or the wrong file was chosen). "
        "Choose the right file, or restore the latest backup."
    )


class DamagedDatabaseError(DatabaseError):
    zh = "数据库“{path}”已损坏，完整性检查未通过。请不要继续写入；用“恢复备份”找回最近的正常备份。"
    en = (
        "The database '{path}' is damaged: the integrity check failed. Stop writing to it and "
        "restore the latest good backup."
    )


class NewerVersionError(DatabaseError):
    zh = "数据库“{path}”由更新版本的客户档案软件创建，本版本无法打开。请升级软件后再打开。"
    en = (
        "The database '{path}' was written by a newer version of kehu and cannot be opened "
        "by this one. Please upgrade the application."
    )


class DatabaseLockedError(DatabaseError):
    zh = "数据库“{path}”正被其他用户或程序占用，多次重试后仍未成功。请稍后再试；若持续出现，请确认没有程序卡住。"
    en = (
        "The database '{path}' is in use by another user or program and stayed locked after "
        "several retries. Try again in a moment; if it persists, check that no program hangs."
    )


class DiskFullError(DatabaseError):
    zh = "磁盘已满，无法写入数据库“{path}”。刚才的修改没有保存；请腾出磁盘空间后重试。"
    en = (
        "The disk is full: the database '{path}' cannot be written. The last change was not "
        "saved; free some disk space and try again."
    )


class ReadOnlyError(DatabaseError):
    zh = "数据库“{path}”是只读的，无法保存。请检查文件权限或网络共享的写入权限。"
    en = (
        "The database '{path}' is read-only: nothing can be saved. Check the file's "
        "permissions or the network share's write access."
    )


class CannotOpenError(DatabaseError):
    zh = "无法打开数据库“{path}”。请确认文件夹存在且有写入权限。"
    en = "The database '{path}' cannot be opened. Check that its folder exists and is writable."
