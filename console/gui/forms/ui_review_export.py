# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_export.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReviewExportDialog(object):
    def setupUi(self, ReviewExportDialog):
        if not ReviewExportDialog.objectName():
            ReviewExportDialog.setObjectName(u"ReviewExportDialog")
        ReviewExportDialog.resize(520, 260)
        ReviewExportDialog.setModal(True)
        self.main_layout = QVBoxLayout(ReviewExportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.range_caption = QLabel(ReviewExportDialog)
        self.range_caption.setObjectName(u"range_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.range_caption)

        self.range_label = QLabel(ReviewExportDialog)
        self.range_label.setObjectName(u"range_label")
        self.range_label.setText(u"")
        self.range_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.range_label)

        self.folder_caption = QLabel(ReviewExportDialog)
        self.folder_caption.setObjectName(u"folder_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.folder_caption)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_edit = QLineEdit(ReviewExportDialog)
        self.folder_edit.setObjectName(u"folder_edit")

        self.folder_row.addWidget(self.folder_edit)

        self.browse_button = QPushButton(ReviewExportDialog)
        self.browse_button.setObjectName(u"browse_button")

        self.folder_row.addWidget(self.browse_button)


        self.form_layout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.folder_row)

        self.event_caption = QLabel(ReviewExportDialog)
        self.event_caption.setObjectName(u"event_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.event_caption)

        self.event_edit = QLineEdit(ReviewExportDialog)
        self.event_edit.setObjectName(u"event_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.event_edit)


        self.main_layout.addLayout(self.form_layout)

        self.record_label = QLabel(ReviewExportDialog)
        self.record_label.setObjectName(u"record_label")
        self.record_label.setText(u"")
        self.record_label.setWordWrap(True)

        self.main_layout.addWidget(self.record_label)

        self.error_label = QLabel(ReviewExportDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ReviewExportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.folder_caption.setBuddy(self.folder_edit)
        self.event_caption.setBuddy(self.event_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folder_edit, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.event_edit)

        self.retranslateUi(ReviewExportDialog)
    # setupUi

    def retranslateUi(self, ReviewExportDialog):
        ReviewExportDialog.setWindowTitle(QCoreApplication.translate("ReviewExportDialog", u"Export evidence", None))
        self.range_caption.setText(QCoreApplication.translate("ReviewExportDialog", u"Range:", None))
        self.folder_caption.setText(QCoreApplication.translate("ReviewExportDialog", u"&Folder:", None))
        self.browse_button.setText(QCoreApplication.translate("ReviewExportDialog", u"&Browse\u2026", None))
        self.event_caption.setText(QCoreApplication.translate("ReviewExportDialog", u"&Event:", None))
        self.event_edit.setPlaceholderText(QCoreApplication.translate("ReviewExportDialog", u"Event id to attach the export to (optional)", None))
    # retranslateUi

