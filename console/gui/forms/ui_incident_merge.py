# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_merge.ui'
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
    QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_IncidentMergeDialog(object):
    def setupUi(self, IncidentMergeDialog):
        if not IncidentMergeDialog.objectName():
            IncidentMergeDialog.setObjectName(u"IncidentMergeDialog")
        IncidentMergeDialog.resize(460, 280)
        IncidentMergeDialog.setModal(True)
        self.main_layout = QVBoxLayout(IncidentMergeDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.number_label = QLabel(IncidentMergeDialog)
        self.number_label.setObjectName(u"number_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.number_label)

        self.number_layout = QHBoxLayout()
        self.number_layout.setObjectName(u"number_layout")
        self.number_edit = QLineEdit(IncidentMergeDialog)
        self.number_edit.setObjectName(u"number_edit")

        self.number_layout.addWidget(self.number_edit)

        self.find_button = QPushButton(IncidentMergeDialog)
        self.find_button.setObjectName(u"find_button")

        self.number_layout.addWidget(self.find_button)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.number_layout)

        self.target_caption = QLabel(IncidentMergeDialog)
        self.target_caption.setObjectName(u"target_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.target_caption)

        self.target_label = QLabel(IncidentMergeDialog)
        self.target_label.setObjectName(u"target_label")
        self.target_label.setText(u"")
        self.target_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.target_label)

        self.reason_label = QLabel(IncidentMergeDialog)
        self.reason_label.setObjectName(u"reason_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reason_label)

        self.reason_edit = QPlainTextEdit(IncidentMergeDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reason_edit)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(IncidentMergeDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IncidentMergeDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.number_label.setBuddy(self.number_edit)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.number_edit, self.find_button)
        QWidget.setTabOrder(self.find_button, self.reason_edit)

        self.retranslateUi(IncidentMergeDialog)
    # setupUi

    def retranslateUi(self, IncidentMergeDialog):
        IncidentMergeDialog.setWindowTitle(QCoreApplication.translate("IncidentMergeDialog", u"Merge into another event", None))
        self.number_label.setText(QCoreApplication.translate("IncidentMergeDialog", u"Event &number:", None))
        self.number_edit.setPlaceholderText(QCoreApplication.translate("IncidentMergeDialog", u"The number of the event to keep", None))
        self.find_button.setText(QCoreApplication.translate("IncidentMergeDialog", u"&Find", None))
        self.target_caption.setText(QCoreApplication.translate("IncidentMergeDialog", u"Keeps:", None))
        self.reason_label.setText(QCoreApplication.translate("IncidentMergeDialog", u"&Reason:", None))
        self.reason_edit.setPlaceholderText(QCoreApplication.translate("IncidentMergeDialog", u"Optional", None))
    # retranslateUi

