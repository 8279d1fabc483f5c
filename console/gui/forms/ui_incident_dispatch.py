# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_dispatch.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateTimeEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_IncidentDispatchDialog(object):
    def setupUi(self, IncidentDispatchDialog):
        if not IncidentDispatchDialog.objectName():
            IncidentDispatchDialog.setObjectName(u"IncidentDispatchDialog")
        IncidentDispatchDialog.resize(620, 560)
        IncidentDispatchDialog.setModal(True)
        self.main_layout = QVBoxLayout(IncidentDispatchDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.suggestion_label = QLabel(IncidentDispatchDialog)
        self.suggestion_label.setObjectName(u"suggestion_label")
        self.suggestion_label.setText(u"")
        self.suggestion_label.setWordWrap(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.suggestion_label)

        self.lead_label = QLabel(IncidentDispatchDialog)
        self.lead_label.setObjectName(u"lead_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.lead_label)

        self.lead_list = QListWidget(IncidentDispatchDialog)
        self.lead_list.setObjectName(u"lead_list")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.lead_list)

        self.assisting_label = QLabel(IncidentDispatchDialog)
        self.assisting_label.setObjectName(u"assisting_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.assisting_label)

        self.assisting_list = QListWidget(IncidentDispatchDialog)
        self.assisting_list.setObjectName(u"assisting_list")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.assisting_list)

        self.instructions_label = QLabel(IncidentDispatchDialog)
        self.instructions_label.setObjectName(u"instructions_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.instructions_label)

        self.instructions_edit = QPlainTextEdit(IncidentDispatchDialog)
        self.instructions_edit.setObjectName(u"instructions_edit")
        self.instructions_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.instructions_edit)

        self.due_label = QLabel(IncidentDispatchDialog)
        self.due_label.setObjectName(u"due_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.due_label)

        self.due_layout = QHBoxLayout()
        self.due_layout.setObjectName(u"due_layout")
        self.due_check = QCheckBox(IncidentDispatchDialog)
        self.due_check.setObjectName(u"due_check")

        self.due_layout.addWidget(self.due_check)

        self.due_edit = QDateTimeEdit(IncidentDispatchDialog)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.due_layout.addWidget(self.due_edit)


        self.form_layout.setLayout(4, QFormLayout.ItemRole.FieldRole, self.due_layout)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(IncidentDispatchDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IncidentDispatchDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.lead_label.setBuddy(self.lead_list)
        self.assisting_label.setBuddy(self.assisting_list)
        self.instructions_label.setBuddy(self.instructions_edit)
        self.due_label.setBuddy(self.due_check)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.lead_list, self.assisting_list)
        QWidget.setTabOrder(self.assisting_list, self.instructions_edit)
        QWidget.setTabOrder(self.instructions_edit, self.due_check)
        QWidget.setTabOrder(self.due_check, self.due_edit)

        self.retranslateUi(IncidentDispatchDialog)
    # setupUi

    def retranslateUi(self, IncidentDispatchDialog):
        IncidentDispatchDialog.setWindowTitle(QCoreApplication.translate("IncidentDispatchDialog", u"Dispatch the event", None))
        self.lead_label.setText(QCoreApplication.translate("IncidentDispatchDialog", u"&Lead unit:", None))
        self.assisting_label.setText(QCoreApplication.translate("IncidentDispatchDialog", u"&Assisting units:", None))
        self.instructions_label.setText(QCoreApplication.translate("IncidentDispatchDialog", u"&Instructions:", None))
        self.instructions_edit.setPlaceholderText(QCoreApplication.translate("IncidentDispatchDialog", u"What the unit should do", None))
        self.due_label.setText(QCoreApplication.translate("IncidentDispatchDialog", u"&Due by:", None))
        self.due_check.setText(QCoreApplication.translate("IncidentDispatchDialog", u"Set a due time", None))
    # retranslateUi

