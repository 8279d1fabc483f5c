# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_close.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_IncidentCloseDialog(object):
    def setupUi(self, IncidentCloseDialog):
        if not IncidentCloseDialog.objectName():
            IncidentCloseDialog.setObjectName(u"IncidentCloseDialog")
        IncidentCloseDialog.resize(460, 280)
        IncidentCloseDialog.setModal(True)
        self.main_layout = QVBoxLayout(IncidentCloseDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.disposition_label = QLabel(IncidentCloseDialog)
        self.disposition_label.setObjectName(u"disposition_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.disposition_label)

        self.disposition_combo = QComboBox(IncidentCloseDialog)
        self.disposition_combo.setObjectName(u"disposition_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.disposition_combo)

        self.reason_label = QLabel(IncidentCloseDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QPlainTextEdit(IncidentCloseDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason_edit)


        self.main_layout.addLayout(self.form_layout)

        self.note_label = QLabel(IncidentCloseDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setText(u"")
        self.note_label.setWordWrap(True)

        self.main_layout.addWidget(self.note_label)

        self.error_label = QLabel(IncidentCloseDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IncidentCloseDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.disposition_label.setBuddy(self.disposition_combo)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.disposition_combo, self.reason_edit)

        self.retranslateUi(IncidentCloseDialog)
    # setupUi

    def retranslateUi(self, IncidentCloseDialog):
        IncidentCloseDialog.setWindowTitle(QCoreApplication.translate("IncidentCloseDialog", u"Close the event", None))
        self.disposition_label.setText(QCoreApplication.translate("IncidentCloseDialog", u"&Disposition:", None))
        self.reason_label.setText(QCoreApplication.translate("IncidentCloseDialog", u"&Reason:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("IncidentCloseDialog", u"Required unless the problem is resolved", None))
    # retranslateUi

