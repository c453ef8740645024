"""Print preview of a PDF made by kehu (cards, route sheets, forms, labels): page navigation,
zoom, printing through the system print dialog, and saving a copy of the PDF.

The dialog shows a finished file; the caller makes it (off the UI thread, through
`kehu.services.exports` and `run_job`) and calls `audit_as(user, kind, ids)` so that what
leaves the app (printed pages, a saved copy) is audited. A temporary file
(`kehu.ui.temp_files`) is deleted when the dialog closes.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kehu.db.models import User
from kehu.services import exports
from kehu.ui import temp_files

logger = logging.getLogger(__name__)

ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
PRINT_DPI_CAP = 300  # enough for text; keeps one page image around 25 MB at A4


class PrintPreviewDialog(QDialog):
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(str)  # where a copy of the PDF was saved

    def __init__(self, pdf_path: str | Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(self.tr("Print preview – %1").replace("%1", self.pdf_path.name))
        self.resize(QSize(900, 1000))
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.view, 1)
        self._connect_signals()
        error = self.document.load(str(self.pdf_path))
        if error != QPdfDocument.Error.None_:
            logger.warning("cannot open %s for preview: %s", self.pdf_path, error)
        self._update_pages()
        self.finished.connect(self._release_file)

    def audit_as(self, user: User, kind: str, ids: list[int]) -> None:
        """Audit every print ("print") and saved copy ("export") of this PDF as `user`."""
        ids = list(ids)
        self.printed.connect(
            lambda pages: exports.record_print(user, kind, ids, pages, self.pdf_path)
        )
        self.saved.connect(lambda path: exports.record_copy(user, kind, ids, Path(path)))

    def _release_file(self, *_args) -> None:
        """Close the document and delete the file if it is a temporary one of ours."""
        self.document.close()
        temp_files.remove(self.pdf_path)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().closeEvent(event)
        self._release_file()

    # ---- layout ---------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.previous_button = self._tool("‹", self.tr("Previous page"), "previousPage")
        self.next_button = self._tool("›", self.tr("Next page"), "nextPage")
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("pageBox")
        self.page_box.setMinimum(1)
        self.page_count_label = QLabel(self)
        self.page_count_label.setObjectName("pageCount")
        self.zoom_out_button = self._tool("−", self.tr("Zoom out"), "zoomOut")
        self.zoom_in_button = self._tool("+", self.tr("Zoom in"), "zoomIn")
        self.zoom_box = QComboBox(self)
        self.zoom_box.setObjectName("zoomBox")
        self.zoom_box.addItem(self.tr("Fit width"), "width")
        self.zoom_box.addItem(self.tr("Whole page"), "page")
        for step in ZOOM_STEPS:
            self.zoom_box.addItem(f"{step:.0%}", step)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("saveButton")
        self.close_button = QPushButton(self.tr("Close"), self)
        self.toolbar = QHBoxLayout()
        for widget in (self.previous_button, self.page_box, self.page_count_label):
            self.toolbar.addWidget(widget)
        self.toolbar.addWidget(self.next_button)
        self.toolbar.addSpacing(16)
        for widget in (self.zoom_out_button, self.zoom_box, self.zoom_in_button):
            self.toolbar.addWidget(widget)
        self.toolbar.addStretch(1)
        for widget in (self.save_button, self.print_button, self.close_button):
            self.toolbar.addWidget(widget)

    def _tool(self, text: str, tip: str, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setObjectName(name)
        return button

    def _connect_signals(self) -> None:
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._on_page_changed)
        self.document.statusChanged.connect(self._update_pages)
        self.previous_button.clicked.connect(lambda: self.go_to(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_page() + 1))
        self.page_box.editingFinished.connect(lambda: self.go_to(self.page_box.value() - 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(+1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(-1))
        self.zoom_box.activated.connect(self._on_zoom_chosen)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        self.close_button.clicked.connect(self.reject)
        shortcuts = (
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(+1)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(-1)),
            (QKeySequence(Qt.Key.Key_PageDown), lambda: self.go_to(self.current_page() + 1)),
            (QKeySequence(Qt.Key.Key_PageUp), lambda: self.go_to(self.current_page() - 1)),
        )
        for key, slot in shortcuts:
            QShortcut(key, self, activated=slot)

    # ---- navigation -----------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        """0-based."""
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if self.page_count() == 0:
            return
        page = max(0, min(page, self.page_count() - 1))
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._on_page_changed(page)

    def _on_page_changed(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    def _update_pages(self, *_args) -> None:
        count = self.page_count()
        self.page_box.setMaximum(max(count, 1))
        self.page_count_label.setText(self.tr("of %1").replace("%1", str(count)))
        ready = count > 0
        for widget in (self.print_button, self.save_button, self.page_box):
            widget.setEnabled(ready)
        self._on_page_changed(self.current_page() if ready else 0)

    # ---- zoom -----------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1])))
        index = self.zoom_box.findData(factor)
        if index >= 0:
            self.zoom_box.setCurrentIndex(index)

    def zoom_by(self, direction: int) -> None:
        current = self.view.zoomFactor()
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 1e-6]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 1e-6]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def _on_zoom_chosen(self, index: int) -> None:
        data = self.zoom_box.itemData(index)
        if data == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif data == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.set_zoom(float(data))

    # ---- print and save -------------------------------------------------------------------
    def print_document(self) -> None:
        if self.page_count() == 0:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_path.stem)
        self.prepare(printer)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        pages = self.print_to(printer)
        if pages:
            self.printed.emit(pages)

    def prepare(self, printer: QPrinter) -> None:
        """Paper size and orientation of the document; PDF pages carry their own margins."""
        points = self.document.pagePointSize(0)
        landscape = points.width() > points.height()
        portrait = points.transposed() if landscape else points
        size = QPageSize(portrait, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setPageSize(size)
        printer.setPageOrientation(orientation)
        printer.setFullPage(True)

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages onto `printer`; returns how many were printed."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0 and last == 0:  # "all pages"
            first, last = 1, self.page_count()
        pages = list(range(first - 1, min(last, self.page_count())))
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, len(pages), self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        painter = QPainter()
        if not painter.begin(printer):
            self._warn(self.tr("The printer could not be started."))
            return 0
        done = 0
        try:
            dpi = min(printer.resolution(), PRINT_DPI_CAP)
            for index, page in enumerate(pages):
                if progress.wasCanceled():
                    break
                if index:
                    printer.newPage()
                self._paint_page(painter, printer, page, dpi)
                done += 1
                progress.setValue(done)
                QApplication.processEvents()
        finally:
            painter.end()
            progress.close()
        logger.info("printed %s pages of %s", done, self.pdf_path)
        return done

    def _paint_page(self, painter: QPainter, printer: QPrinter, page: int, dpi: int) -> None:
        """The page at its real size on the full sheet (labels must land on the labels)."""
        points = self.document.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        image = self.document.render(page, size)
        paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
        scaled = size.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (paper.width() - scaled.width()) // 2
        y = (paper.height() - scaled.height()) // 2
        painter.drawImage(QRect(x, y, scaled.width(), scaled.height()), image)

    def save_copy(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.pdf_path.name, self.tr("PDF files (*.pdf)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            if target.resolve() != self.pdf_path.resolve():
                shutil.copyfile(self.pdf_path, target)
        except OSError as exc:
            self._warn(self.tr("The PDF could not be saved: %1").replace("%1", str(exc)))
            return
        self.saved.emit(str(target))

    def _warn(self, text: str) -> None:
        QMessageBox.warning(self, self.windowTitle(), text)
