# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'login_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_LoginDialog(object):
    def setupUi(self, LoginDialog):
        if not LoginDialog.objectName():
            LoginDialog.setObjectName(u"LoginDialog")
        LoginDialog.resize(460, 300)
        LoginDialog.setModal(True)
        self.main_layout = QVBoxLayout(LoginDialog)
        self.main_layout.setSpacing(12)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(20, 20, 20, 16)
        self.title_label = QLabel(LoginDialog)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setWordWrap(True)

        self.main_layout.addWidget(self.title_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.server_label = QLabel(LoginDialog)
        self.server_label.setObjectName(u"server_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.server_label)

        self.server_edit = QLineEdit(LoginDialog)
        self.server_edit.setObjectName(u"server_edit")
        self.server_edit.setPlaceholderText(u"http://server:8000")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.server_edit)

        self.user_label = QLabel(LoginDialog)
        self.user_label.setObjectName(u"user_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.user_label)

        self.user_edit = QLineEdit(LoginDialog)
        self.user_edit.setObjectName(u"user_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.user_edit)

        self.password_label = QLabel(LoginDialog)
        self.password_label.setObjectName(u"password_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password_edit = QLineEdit(LoginDialog)
        self.password_edit.setObjectName(u"password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.password_edit)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(LoginDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.message_label)

        self.vertical_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.vertical_spacer)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.review_button = QPushButton(LoginDialog)
        self.review_button.setObjectName(u"review_button")
        self.review_button.setAutoDefault(False)

        self.button_row.addWidget(self.review_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.sign_in_button = QPushButton(LoginDialog)
        self.sign_in_button.setObjectName(u"sign_in_button")

        self.button_row.addWidget(self.sign_in_button)

        self.cancel_button = QPushButton(LoginDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_row.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.button_row)

#if QT_CONFIG(shortcut)
        self.server_label.setBuddy(self.server_edit)
        self.user_label.setBuddy(self.user_edit)
        self.password_label.setBuddy(self.password_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.server_edit, self.user_edit)
        QWidget.setTabOrder(self.user_edit, self.password_edit)
        QWidget.setTabOrder(self.password_edit, self.sign_in_button)
        QWidget.setTabOrder(self.sign_in_button, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.review_button)

        self.retranslateUi(LoginDialog)

        self.sign_in_button.setDefault(True)

    # setupUi

    def retranslateUi(self, LoginDialog):
        LoginDialog.setWindowTitle(QCoreApplication.translate("LoginDialog", u"Sign in to Tianmu", None))
        self.title_label.setText(QCoreApplication.translate("LoginDialog", u"Tianmu operator console", None))
        self.server_label.setText(QCoreApplication.translate("LoginDialog", u"&Server:", None))
        self.user_label.setText(QCoreApplication.translate("LoginDialog", u"&User name:", None))
        self.password_label.setText(QCoreApplication.translate("LoginDialog", u"&Password:", None))
#if QT_CONFIG(tooltip)
        self.review_button.setToolTip(QCoreApplication.translate("LoginDialog", u"Play recorded clips from this computer, without a server or signing in", None))
#endif // QT_CONFIG(tooltip)
        self.review_button.setText(QCoreApplication.translate("LoginDialog", u"Review clips offline", None))
        self.sign_in_button.setText(QCoreApplication.translate("LoginDialog", u"Sign in", None))
        self.cancel_button.setText(QCoreApplication.translate("LoginDialog", u"Quit", None))
    # retranslateUi

