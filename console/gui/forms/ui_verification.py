# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'verification.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QGroupBox, QHBoxLayout,
    QLabel, QListView, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSlider,
    QSpacerItem, QSplitter, QTabWidget, QVBoxLayout,
    QWidget)

class Ui_VerificationDialog(object):
    def setupUi(self, VerificationDialog):
        if not VerificationDialog.objectName():
            VerificationDialog.setObjectName(u"VerificationDialog")
        VerificationDialog.resize(1600, 960)
        self.main_layout = QVBoxLayout(VerificationDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.header_label = QLabel(VerificationDialog)
        self.header_label.setObjectName(u"header_label")
        self.header_label.setText(u"-")
        self.header_label.setWordWrap(True)

        self.main_layout.addWidget(self.header_label)

        self.feedback_label = QLabel(VerificationDialog)
        self.feedback_label.setObjectName(u"feedback_label")
        self.feedback_label.setText(u"-")
        self.feedback_label.setWordWrap(True)

        self.main_layout.addWidget(self.feedback_label)

        self.main_splitter = QSplitter(VerificationDialog)
        self.main_splitter.setObjectName(u"main_splitter")
        self.main_splitter.setOrientation(Qt.Orientation.Horizontal)
        self.main_splitter.setChildrenCollapsible(False)
        self.originals_box = QGroupBox(self.main_splitter)
        self.originals_box.setObjectName(u"originals_box")
        self.originals_layout = QVBoxLayout(self.originals_box)
        self.originals_layout.setObjectName(u"originals_layout")
        self.original_host = QWidget(self.originals_box)
        self.original_host.setObjectName(u"original_host")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(3)
        sizePolicy.setHeightForWidth(self.original_host.sizePolicy().hasHeightForWidth())
        self.original_host.setSizePolicy(sizePolicy)

        self.originals_layout.addWidget(self.original_host)

        self.originals_list = QListWidget(self.originals_box)
        self.originals_list.setObjectName(u"originals_list")
        self.originals_list.setMinimumSize(QSize(0, 120))
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.originals_list.sizePolicy().hasHeightForWidth())
        self.originals_list.setSizePolicy(sizePolicy1)
        self.originals_list.setViewMode(QListView.ViewMode.IconMode)
        self.originals_list.setIconSize(QSize(128, 72))
        self.originals_list.setMovement(QListView.Movement.Static)
        self.originals_list.setGridSize(QSize(150, 110))
        self.originals_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.originals_list.setWordWrap(True)

        self.originals_layout.addWidget(self.originals_list)

        self.main_splitter.addWidget(self.originals_box)
        self.cameras_box = QGroupBox(self.main_splitter)
        self.cameras_box.setObjectName(u"cameras_box")
        self.cameras_layout = QVBoxLayout(self.cameras_box)
        self.cameras_layout.setObjectName(u"cameras_layout")
        self.cameras_host = QWidget(self.cameras_box)
        self.cameras_host.setObjectName(u"cameras_host")
        sizePolicy2 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy2.setHorizontalStretch(0)
        sizePolicy2.setVerticalStretch(0)
        sizePolicy2.setHeightForWidth(self.cameras_host.sizePolicy().hasHeightForWidth())
        self.cameras_host.setSizePolicy(sizePolicy2)

        self.cameras_layout.addWidget(self.cameras_host)

        self.cameras_hint_label = QLabel(self.cameras_box)
        self.cameras_hint_label.setObjectName(u"cameras_hint_label")
        self.cameras_hint_label.setWordWrap(True)

        self.cameras_layout.addWidget(self.cameras_hint_label)

        self.main_splitter.addWidget(self.cameras_box)
        self.compare_box = QGroupBox(self.main_splitter)
        self.compare_box.setObjectName(u"compare_box")
        self.compare_layout = QVBoxLayout(self.compare_box)
        self.compare_layout.setObjectName(u"compare_layout")
        self.compare_tabs = QTabWidget(self.compare_box)
        self.compare_tabs.setObjectName(u"compare_tabs")
        self.side_tab = QWidget()
        self.side_tab.setObjectName(u"side_tab")
        self.side_layout = QVBoxLayout(self.side_tab)
        self.side_layout.setObjectName(u"side_layout")
        self.side_host = QWidget(self.side_tab)
        self.side_host.setObjectName(u"side_host")

        self.side_layout.addWidget(self.side_host)

        self.compare_tabs.addTab(self.side_tab, "")
        self.wipe_tab = QWidget()
        self.wipe_tab.setObjectName(u"wipe_tab")
        self.wipe_layout = QVBoxLayout(self.wipe_tab)
        self.wipe_layout.setObjectName(u"wipe_layout")
        self.wipe_host = QWidget(self.wipe_tab)
        self.wipe_host.setObjectName(u"wipe_host")
        sizePolicy3 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy3.setHorizontalStretch(0)
        sizePolicy3.setVerticalStretch(1)
        sizePolicy3.setHeightForWidth(self.wipe_host.sizePolicy().hasHeightForWidth())
        self.wipe_host.setSizePolicy(sizePolicy3)

        self.wipe_layout.addWidget(self.wipe_host)

        self.wipe_slider = QSlider(self.wipe_tab)
        self.wipe_slider.setObjectName(u"wipe_slider")
        self.wipe_slider.setMaximum(1000)
        self.wipe_slider.setValue(500)
        self.wipe_slider.setOrientation(Qt.Orientation.Horizontal)

        self.wipe_layout.addWidget(self.wipe_slider)

        self.compare_tabs.addTab(self.wipe_tab, "")

        self.compare_layout.addWidget(self.compare_tabs)

        self.compare_label = QLabel(self.compare_box)
        self.compare_label.setObjectName(u"compare_label")
        self.compare_label.setText(u"-")
        self.compare_label.setWordWrap(True)

        self.compare_layout.addWidget(self.compare_label)

        self.main_splitter.addWidget(self.compare_box)

        self.main_layout.addWidget(self.main_splitter)

        self.bottom_layout = QHBoxLayout()
        self.bottom_layout.setObjectName(u"bottom_layout")
        self.captures_box = QGroupBox(VerificationDialog)
        self.captures_box.setObjectName(u"captures_box")
        sizePolicy4 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy4.setHorizontalStretch(0)
        sizePolicy4.setVerticalStretch(0)
        sizePolicy4.setHeightForWidth(self.captures_box.sizePolicy().hasHeightForWidth())
        self.captures_box.setSizePolicy(sizePolicy4)
        self.captures_layout = QHBoxLayout(self.captures_box)
        self.captures_layout.setObjectName(u"captures_layout")
        self.captures_list = QListWidget(self.captures_box)
        self.captures_list.setObjectName(u"captures_list")
        self.captures_list.setMaximumSize(QSize(16777215, 150))
        self.captures_list.setViewMode(QListView.ViewMode.IconMode)
        self.captures_list.setIconSize(QSize(160, 90))
        self.captures_list.setMovement(QListView.Movement.Static)
        self.captures_list.setFlow(QListView.Flow.LeftToRight)
        self.captures_list.setProperty(u"wrapping", False)

        self.captures_layout.addWidget(self.captures_list)

        self.capture_buttons_layout = QVBoxLayout()
        self.capture_buttons_layout.setObjectName(u"capture_buttons_layout")
        self.capture_button = QPushButton(self.captures_box)
        self.capture_button.setObjectName(u"capture_button")

        self.capture_buttons_layout.addWidget(self.capture_button)

        self.remove_capture_button = QPushButton(self.captures_box)
        self.remove_capture_button.setObjectName(u"remove_capture_button")

        self.capture_buttons_layout.addWidget(self.remove_capture_button)

        self.capture_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.capture_buttons_layout.addItem(self.capture_spacer)


        self.captures_layout.addLayout(self.capture_buttons_layout)


        self.bottom_layout.addWidget(self.captures_box)

        self.comment_box = QGroupBox(VerificationDialog)
        self.comment_box.setObjectName(u"comment_box")
        sizePolicy4.setHeightForWidth(self.comment_box.sizePolicy().hasHeightForWidth())
        self.comment_box.setSizePolicy(sizePolicy4)
        self.comment_layout = QVBoxLayout(self.comment_box)
        self.comment_layout.setObjectName(u"comment_layout")
        self.comment_edit = QPlainTextEdit(self.comment_box)
        self.comment_edit.setObjectName(u"comment_edit")
        self.comment_edit.setMaximumSize(QSize(16777215, 150))

        self.comment_layout.addWidget(self.comment_edit)


        self.bottom_layout.addWidget(self.comment_box)

        self.verdict_layout = QVBoxLayout()
        self.verdict_layout.setObjectName(u"verdict_layout")
        self.pass_button = QPushButton(VerificationDialog)
        self.pass_button.setObjectName(u"pass_button")

        self.verdict_layout.addWidget(self.pass_button)

        self.fail_button = QPushButton(VerificationDialog)
        self.fail_button.setObjectName(u"fail_button")

        self.verdict_layout.addWidget(self.fail_button)

        self.close_button = QPushButton(VerificationDialog)
        self.close_button.setObjectName(u"close_button")

        self.verdict_layout.addWidget(self.close_button)

        self.verdict_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verdict_layout.addItem(self.verdict_spacer)


        self.bottom_layout.addLayout(self.verdict_layout)


        self.main_layout.addLayout(self.bottom_layout)

        self.status_label = QLabel(VerificationDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setText(u"")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)

        self.main_layout.setStretch(2, 1)
        QWidget.setTabOrder(self.originals_list, self.compare_tabs)
        QWidget.setTabOrder(self.compare_tabs, self.wipe_slider)
        QWidget.setTabOrder(self.wipe_slider, self.capture_button)
        QWidget.setTabOrder(self.capture_button, self.remove_capture_button)
        QWidget.setTabOrder(self.remove_capture_button, self.comment_edit)
        QWidget.setTabOrder(self.comment_edit, self.pass_button)
        QWidget.setTabOrder(self.pass_button, self.fail_button)
        QWidget.setTabOrder(self.fail_button, self.close_button)

        self.retranslateUi(VerificationDialog)

        self.compare_tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, VerificationDialog):
        VerificationDialog.setWindowTitle(QCoreApplication.translate("VerificationDialog", u"Verify by video", None))
        self.originals_box.setTitle(QCoreApplication.translate("VerificationDialog", u"Reported and fed back", None))
        self.cameras_box.setTitle(QCoreApplication.translate("VerificationDialog", u"Live: cameras nearest the place", None))
        self.cameras_hint_label.setText(QCoreApplication.translate("VerificationDialog", u"Click a camera to compare it with the original and to capture from it.", None))
        self.compare_box.setTitle(QCoreApplication.translate("VerificationDialog", u"Before and after", None))
        self.compare_tabs.setTabText(self.compare_tabs.indexOf(self.side_tab), QCoreApplication.translate("VerificationDialog", u"Side by side", None))
#if QT_CONFIG(tooltip)
        self.wipe_slider.setToolTip(QCoreApplication.translate("VerificationDialog", u"Drag to wipe between the original (left) and the live picture (right)", None))
#endif // QT_CONFIG(tooltip)
        self.compare_tabs.setTabText(self.compare_tabs.indexOf(self.wipe_tab), QCoreApplication.translate("VerificationDialog", u"Wipe", None))
        self.captures_box.setTitle(QCoreApplication.translate("VerificationDialog", u"Verification snapshots", None))
        self.capture_button.setText(QCoreApplication.translate("VerificationDialog", u"&Capture", None))
#if QT_CONFIG(tooltip)
        self.capture_button.setToolTip(QCoreApplication.translate("VerificationDialog", u"Keep the live picture of the selected camera as proof", None))
#endif // QT_CONFIG(tooltip)
        self.remove_capture_button.setText(QCoreApplication.translate("VerificationDialog", u"&Remove", None))
        self.comment_box.setTitle(QCoreApplication.translate("VerificationDialog", u"Comment (the reason, when it fails)", None))
        self.comment_edit.setPlaceholderText(QCoreApplication.translate("VerificationDialog", u"What the cameras show now", None))
        self.pass_button.setText(QCoreApplication.translate("VerificationDialog", u"&Pass and close", None))
#if QT_CONFIG(tooltip)
        self.pass_button.setToolTip(QCoreApplication.translate("VerificationDialog", u"The site is really handled: close the event as resolved", None))
#endif // QT_CONFIG(tooltip)
        self.fail_button.setText(QCoreApplication.translate("VerificationDialog", u"&Fail and send back", None))
#if QT_CONFIG(tooltip)
        self.fail_button.setToolTip(QCoreApplication.translate("VerificationDialog", u"The problem is still there: reopen the event and send it back to the unit with the reason", None))
#endif // QT_CONFIG(tooltip)
        self.close_button.setText(QCoreApplication.translate("VerificationDialog", u"Close", None))
    # retranslateUi

