# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_file.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_IncidentFileDialog(object):
    def setupUi(self, IncidentFileDialog):
        if not IncidentFileDialog.objectName():
            IncidentFileDialog.setObjectName(u"IncidentFileDialog")
        IncidentFileDialog.resize(460, 240)
        IncidentFileDialog.setModal(True)
        self.main_layout = QVBoxLayout(IncidentFileDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.category_label = QLabel(IncidentFileDialog)
        self.category_label.setObjectName(u"category_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(IncidentFileDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.priority_label = QLabel(IncidentFileDialog)
        self.priority_label.setObjectName(u"priority_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.priority_label)

        self.priority_combo = QComboBox(IncidentFileDialog)
        self.priority_combo.setObjectName(u"priority_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.priority_combo)

        self.due_label = QLabel(IncidentFileDialog)
        self.due_label.setObjectName(u"due_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.due_label)

        self.due_layout = QHBoxLayout()
        self.due_layout.setObjectName(u"due_layout")
        self.due_check = QCheckBox(IncidentFileDialog)
        self.due_check.setObjectName(u"due_check")

        self.due_layout.addWidget(self.due_check)

        self.due_edit = QDateTimeEdit(IncidentFileDialog)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.due_layout.addWidget(self.due_edit)


        self.form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.due_layout)


        self.main_layout.addLayout(self.form_layout)

        self.note_label = QLabel(IncidentFileDialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setText(u"")
        self.note_label.setWordWrap(True)

        self.main_layout.addWidget(self.note_label)

        self.error_label = QLabel(IncidentFileDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IncidentFileDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.category_label.setBuddy(self.category_combo)
        self.priority_label.setBuddy(self.priority_combo)
        self.due_label.setBuddy(self.due_check)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.category_combo, self.priority_combo)
        QWidget.setTabOrder(self.priority_combo, self.due_check)
        QWidget.setTabOrder(self.due_check, self.due_edit)

        self.retranslateUi(IncidentFileDialog)
    # setupUi

    def retranslateUi(self, IncidentFileDialog):
        IncidentFileDialog.setWindowTitle(QCoreApplication.translate("IncidentFileDialog", u"File the event", None))
        self.category_label.setText(QCoreApplication.translate("IncidentFileDialog", u"&Category:", None))
        self.priority_label.setText(QCoreApplication.translate("IncidentFileDialog", u"&Priority:", None))
        self.due_label.setText(QCoreApplication.translate("IncidentFileDialog", u"&Due by:", None))
        self.due_check.setText(QCoreApplication.translate("IncidentFileDialog", u"Set a due time", None))
    # retranslateUi

