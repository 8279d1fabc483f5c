# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'incident_feedback.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_IncidentFeedbackDialog(object):
    def setupUi(self, IncidentFeedbackDialog):
        if not IncidentFeedbackDialog.objectName():
            IncidentFeedbackDialog.setObjectName(u"IncidentFeedbackDialog")
        IncidentFeedbackDialog.resize(520, 420)
        IncidentFeedbackDialog.setModal(True)
        self.main_layout = QVBoxLayout(IncidentFeedbackDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.result_label = QLabel(IncidentFeedbackDialog)
        self.result_label.setObjectName(u"result_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.result_label)

        self.result_combo = QComboBox(IncidentFeedbackDialog)
        self.result_combo.setObjectName(u"result_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.result_combo)

        self.text_label = QLabel(IncidentFeedbackDialog)
        self.text_label.setObjectName(u"text_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.text_label)

        self.text_edit = QPlainTextEdit(IncidentFeedbackDialog)
        self.text_edit.setObjectName(u"text_edit")
        self.text_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.text_edit)

        self.photos_label = QLabel(IncidentFeedbackDialog)
        self.photos_label.setObjectName(u"photos_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.photos_label)

        self.photo_list = QListWidget(IncidentFeedbackDialog)
        self.photo_list.setObjectName(u"photo_list")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.photo_list)

        self.photo_buttons = QHBoxLayout()
        self.photo_buttons.setObjectName(u"photo_buttons")
        self.add_photo_button = QPushButton(IncidentFeedbackDialog)
        self.add_photo_button.setObjectName(u"add_photo_button")

        self.photo_buttons.addWidget(self.add_photo_button)

        self.remove_photo_button = QPushButton(IncidentFeedbackDialog)
        self.remove_photo_button.setObjectName(u"remove_photo_button")

        self.photo_buttons.addWidget(self.remove_photo_button)

        self.photo_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.photo_buttons.addItem(self.photo_spacer)


        self.form_layout.setLayout(3, QFormLayout.ItemRole.SpanningRole, self.photo_buttons)


        self.main_layout.addLayout(self.form_layout)

        self.error_label = QLabel(IncidentFeedbackDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(IncidentFeedbackDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.result_label.setBuddy(self.result_combo)
        self.text_label.setBuddy(self.text_edit)
        self.photos_label.setBuddy(self.photo_list)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.result_combo, self.text_edit)
        QWidget.setTabOrder(self.text_edit, self.photo_list)
        QWidget.setTabOrder(self.photo_list, self.add_photo_button)
        QWidget.setTabOrder(self.add_photo_button, self.remove_photo_button)

        self.retranslateUi(IncidentFeedbackDialog)
    # setupUi

    def retranslateUi(self, IncidentFeedbackDialog):
        IncidentFeedbackDialog.setWindowTitle(QCoreApplication.translate("IncidentFeedbackDialog", u"Report back", None))
        self.result_label.setText(QCoreApplication.translate("IncidentFeedbackDialog", u"&Result:", None))
        self.text_label.setText(QCoreApplication.translate("IncidentFeedbackDialog", u"&What was done:", None))
        self.text_edit.setPlaceholderText(QCoreApplication.translate("IncidentFeedbackDialog", u"What the unit did on site", None))
        self.photos_label.setText(QCoreApplication.translate("IncidentFeedbackDialog", u"&Photos:", None))
        self.add_photo_button.setText(QCoreApplication.translate("IncidentFeedbackDialog", u"&Add photos\u2026", None))
        self.remove_photo_button.setText(QCoreApplication.translate("IncidentFeedbackDialog", u"Re&move", None))
    # retranslateUi

