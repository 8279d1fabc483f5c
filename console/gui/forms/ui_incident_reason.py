# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_reason.ui'
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
    QFormLayout, QLabel, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_IncidentReasonDialog(object):
    def setupUi(self, IncidentReasonDialog):
        if not IncidentReasonDialog.objectName():
            IncidentReasonDialog.setObjectName(u"IncidentReasonDialog")
        IncidentReasonDialog.resize(460, 260)
        IncidentReasonDialog.setModal(True)
        self.main_layout = QVBoxLayout(IncidentReasonDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.prompt_label = QLabel(IncidentReasonDialog)
        self.prompt_label.setObjectName(u"prompt_label")
        self.prompt_label.setText(u"")
        self.prompt_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.prompt_label)

        self.reason_label = QLabel(IncidentReasonDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QPlainTextEdit(IncidentReasonDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(IncidentReasonDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IncidentReasonDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(IncidentReasonDialog)
    # setupUi

    def retranslateUi(self, IncidentReasonDialog):
        IncidentReasonDialog.setWindowTitle(QCoreApplication.translate("IncidentReasonDialog", u"Give a reason", None))
        self.reason_label.setText(QCoreApplication.translate("IncidentReasonDialog", u"&Reason:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("IncidentReasonDialog", u"Why, in a sentence or two", None))
    # retranslateUi

