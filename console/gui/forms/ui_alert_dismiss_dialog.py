# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alert_dismiss_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QHBoxLayout,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AlertDismissDialog(object):
    def setupUi(self, AlertDismissDialog):
        if not AlertDismissDialog.objectName():
            AlertDismissDialog.setObjectName(u"AlertDismissDialog")
        AlertDismissDialog.resize(440, 300)
        self.main_layout = QVBoxLayout(AlertDismissDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.alert_label = QLabel(AlertDismissDialog)
        self.alert_label.setObjectName(u"alert_label")
        self.alert_label.setText(u"-")
        self.alert_label.setWordWrap(True)

        self.main_layout.addWidget(self.alert_label)

        self.reason_choice_label = QLabel(AlertDismissDialog)
        self.reason_choice_label.setObjectName(u"reason_choice_label")

        self.main_layout.addWidget(self.reason_choice_label)

        self.reason_combo = QComboBox(AlertDismissDialog)
        self.reason_combo.setObjectName(u"reason_combo")

        self.main_layout.addWidget(self.reason_combo)

        self.reason_label = QLabel(AlertDismissDialog)
        self.reason_label.setObjectName(u"reason_label")
        self.reason_label.setWordWrap(True)

        self.main_layout.addWidget(self.reason_label)

        self.reason_edit = QPlainTextEdit(AlertDismissDialog)
        self.reason_edit.setObjectName(u"reason_edit")
        self.reason_edit.setTabChangesFocus(True)

        self.main_layout.addWidget(self.reason_edit)

        self.message_label = QLabel(AlertDismissDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setText(u"")
        self.message_label.setWordWrap(True)

        self.main_layout.addWidget(self.message_label)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.button_spacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.dismiss_button = QPushButton(AlertDismissDialog)
        self.dismiss_button.setObjectName(u"dismiss_button")

        self.button_row.addWidget(self.dismiss_button)

        self.cancel_button = QPushButton(AlertDismissDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_row.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.button_row)

#if QT_CONFIG(shortcut)
        self.reason_choice_label.setBuddy(self.reason_combo)
        self.reason_label.setBuddy(self.reason_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.reason_combo, self.reason_edit)
        QWidget.setTabOrder(self.reason_edit, self.dismiss_button)
        QWidget.setTabOrder(self.dismiss_button, self.cancel_button)

        self.retranslateUi(AlertDismissDialog)

        self.dismiss_button.setDefault(True)

    # setupUi

    def retranslateUi(self, AlertDismissDialog):
        AlertDismissDialog.setWindowTitle(QCoreApplication.translate("AlertDismissDialog", u"Dismiss as a false alarm", None))
        self.reason_choice_label.setText(QCoreApplication.translate("AlertDismissDialog", u"Why is it a false alarm?", None))
        self.reason_label.setText(QCoreApplication.translate("AlertDismissDialog", u"Reason (sent to the server and kept in the audit trail):", None))
        self.dismiss_button.setText(QCoreApplication.translate("AlertDismissDialog", u"Dismiss alert", None))
        self.cancel_button.setText(QCoreApplication.translate("AlertDismissDialog", u"Cancel", None))
    # retranslateUi

