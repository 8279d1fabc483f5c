# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'kept_actions_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QLabel, QListWidget, QListWidgetItem, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_KeptActionsDialog(object):
    def setupUi(self, KeptActionsDialog):
        if not KeptActionsDialog.objectName():
            KeptActionsDialog.setObjectName(u"KeptActionsDialog")
        KeptActionsDialog.resize(620, 420)
        self.main_layout = QVBoxLayout(KeptActionsDialog)
        self.main_layout.setSpacing(10)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(KeptActionsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.unusable_label = QLabel(KeptActionsDialog)
        self.unusable_label.setObjectName(u"unusable_label")
        self.unusable_label.setText(u"")
        self.unusable_label.setWordWrap(True)
        self.unusable_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.unusable_label)

        self.actions_list = QListWidget(KeptActionsDialog)
        self.actions_list.setObjectName(u"actions_list")
        self.actions_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.actions_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.actions_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.actions_list.setWordWrap(False)

        self.main_layout.addWidget(self.actions_list)

        self.status_label = QLabel(KeptActionsDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setText(u"")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.status_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.deliver_button = QPushButton(KeptActionsDialog)
        self.deliver_button.setObjectName(u"deliver_button")

        self.buttons_layout.addWidget(self.deliver_button)

        self.export_button = QPushButton(KeptActionsDialog)
        self.export_button.setObjectName(u"export_button")

        self.buttons_layout.addWidget(self.export_button)

        self.discard_button = QPushButton(KeptActionsDialog)
        self.discard_button.setObjectName(u"discard_button")

        self.buttons_layout.addWidget(self.discard_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.later_button = QPushButton(KeptActionsDialog)
        self.later_button.setObjectName(u"later_button")

        self.buttons_layout.addWidget(self.later_button)


        self.main_layout.addLayout(self.buttons_layout)


        self.retranslateUi(KeptActionsDialog)
    # setupUi

    def retranslateUi(self, KeptActionsDialog):
        KeptActionsDialog.setWindowTitle(QCoreApplication.translate("KeptActionsDialog", u"Actions not sent", None))
        self.intro_label.setText(QCoreApplication.translate("KeptActionsDialog", u"These actions were saved on this workstation but the server never confirmed them. The outbox that held them could not be opened (it was damaged, or written by a newer version of Tianmu), so they were kept aside. They are not sent until you decide.", None))
        self.deliver_button.setText(QCoreApplication.translate("KeptActionsDialog", u"&Deliver", None))
#if QT_CONFIG(tooltip)
        self.deliver_button.setToolTip(QCoreApplication.translate("KeptActionsDialog", u"Send the ticked actions to the server now. An action the server already has is not applied twice.", None))
#endif // QT_CONFIG(tooltip)
        self.export_button.setText(QCoreApplication.translate("KeptActionsDialog", u"&Export\u2026", None))
#if QT_CONFIG(tooltip)
        self.export_button.setToolTip(QCoreApplication.translate("KeptActionsDialog", u"Save the ticked actions to a file. They stay here until you deliver or discard them.", None))
#endif // QT_CONFIG(tooltip)
        self.discard_button.setText(QCoreApplication.translate("KeptActionsDialog", u"D&iscard\u2026", None))
#if QT_CONFIG(tooltip)
        self.discard_button.setToolTip(QCoreApplication.translate("KeptActionsDialog", u"Drop the ticked actions: they will never be sent.", None))
#endif // QT_CONFIG(tooltip)
        self.later_button.setText(QCoreApplication.translate("KeptActionsDialog", u"Decide &later", None))
    # retranslateUi

