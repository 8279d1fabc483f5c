# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'alert_preview.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_AlertPreview(object):
    def setupUi(self, AlertPreview):
        if not AlertPreview.objectName():
            AlertPreview.setObjectName(u"AlertPreview")
        AlertPreview.resize(560, 260)
        self.main_layout = QVBoxLayout(AlertPreview)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(4, 4, 4, 4)
        self.title_label = QLabel(AlertPreview)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setStyleSheet(u"font-weight: bold;")
        self.title_label.setWordWrap(True)

        self.main_layout.addWidget(self.title_label)

        self.details_label = QLabel(AlertPreview)
        self.details_label.setObjectName(u"details_label")
        self.details_label.setText(u"")
        self.details_label.setWordWrap(True)

        self.main_layout.addWidget(self.details_label)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.acknowledge_button = QPushButton(AlertPreview)
        self.acknowledge_button.setObjectName(u"acknowledge_button")

        self.button_row.addWidget(self.acknowledge_button)

        self.dismiss_button = QPushButton(AlertPreview)
        self.dismiss_button.setObjectName(u"dismiss_button")

        self.button_row.addWidget(self.dismiss_button)

        self.promote_button = QPushButton(AlertPreview)
        self.promote_button.setObjectName(u"promote_button")

        self.button_row.addWidget(self.promote_button)

        self.play_button = QPushButton(AlertPreview)
        self.play_button.setObjectName(u"play_button")

        self.button_row.addWidget(self.play_button)

        self.button_spacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)


        self.main_layout.addLayout(self.button_row)

        self.duplicate_row = QHBoxLayout()
        self.duplicate_row.setObjectName(u"duplicate_row")
        self.duplicate_label = QLabel(AlertPreview)
        self.duplicate_label.setObjectName(u"duplicate_label")
        self.duplicate_label.setText(u"")
        self.duplicate_label.setWordWrap(True)

        self.duplicate_row.addWidget(self.duplicate_label)

        self.merge_button = QPushButton(AlertPreview)
        self.merge_button.setObjectName(u"merge_button")

        self.duplicate_row.addWidget(self.merge_button)


        self.main_layout.addLayout(self.duplicate_row)

        self.message_row = QHBoxLayout()
        self.message_row.setObjectName(u"message_row")
        self.message_label = QLabel(AlertPreview)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setText(u"")
        self.message_label.setWordWrap(True)

        self.message_row.addWidget(self.message_label)

        self.discard_button = QPushButton(AlertPreview)
        self.discard_button.setObjectName(u"discard_button")

        self.message_row.addWidget(self.discard_button)


        self.main_layout.addLayout(self.message_row)

        self.media_row = QHBoxLayout()
        self.media_row.setObjectName(u"media_row")
        self.snapshot_label = QLabel(AlertPreview)
        self.snapshot_label.setObjectName(u"snapshot_label")
        self.snapshot_label.setMinimumSize(QSize(240, 135))
        self.snapshot_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.snapshot_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.snapshot_label.setText(u"")

        self.media_row.addWidget(self.snapshot_label)

        self.live_area = QWidget(AlertPreview)
        self.live_area.setObjectName(u"live_area")
        self.live_area.setMinimumSize(QSize(240, 135))
        self.live_layout = QVBoxLayout(self.live_area)
        self.live_layout.setObjectName(u"live_layout")
        self.live_layout.setContentsMargins(0, 0, 0, 0)

        self.media_row.addWidget(self.live_area)


        self.main_layout.addLayout(self.media_row)

        self.bottom_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)


        self.retranslateUi(AlertPreview)
    # setupUi

    def retranslateUi(self, AlertPreview):
        self.title_label.setText(QCoreApplication.translate("AlertPreview", u"Select an alert to see its snapshot and camera.", None))
        self.acknowledge_button.setText(QCoreApplication.translate("AlertPreview", u"Acknowledge", None))
        self.dismiss_button.setText(QCoreApplication.translate("AlertPreview", u"Dismiss\u2026", None))
#if QT_CONFIG(tooltip)
        self.dismiss_button.setToolTip(QCoreApplication.translate("AlertPreview", u"Dismiss as a false alarm, with a reason.", None))
#endif // QT_CONFIG(tooltip)
        self.promote_button.setText(QCoreApplication.translate("AlertPreview", u"Raise event\u2026", None))
#if QT_CONFIG(tooltip)
        self.promote_button.setToolTip(QCoreApplication.translate("AlertPreview", u"Promote the alert to an event, with its snapshot attached.", None))
#endif // QT_CONFIG(tooltip)
        self.play_button.setText(QCoreApplication.translate("AlertPreview", u"Play on wall", None))
        self.merge_button.setText(QCoreApplication.translate("AlertPreview", u"Merge", None))
#if QT_CONFIG(tooltip)
        self.merge_button.setToolTip(QCoreApplication.translate("AlertPreview", u"Mark this alert as a duplicate of the earlier one.", None))
#endif // QT_CONFIG(tooltip)
        self.discard_button.setText(QCoreApplication.translate("AlertPreview", u"Discard the refused action", None))
#if QT_CONFIG(tooltip)
        self.discard_button.setToolTip(QCoreApplication.translate("AlertPreview", u"Drop the action the server refused; the alert stays as the server has it.", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

