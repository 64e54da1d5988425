"""The start baseline: a bare PySide6 window with a table of 64 rows, shown and painted.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bare_window.py

What any Qt app with a list must pay: interpreter, PySide6, QApplication, a main window, a
QTableView over a model, the first paint. bench_gui.py runs it as a whole process beside
gistdesk's own start and reports the ratio of their CPU times.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])
app.setStyle("Fusion")
model = QStandardItemModel(64, 8)
for row in range(64):
    for column in range(8):
        model.setItem(row, column, QStandardItem(f"cell {row}/{column}"))
window = QMainWindow()
view = QTableView()
view.setModel(model)
window.setCentralWidget(view)
window.resize(1760, 1000)
window.show()
app.processEvents()
view.viewport().repaint()
sys.stdout.flush()
os._exit(0)
