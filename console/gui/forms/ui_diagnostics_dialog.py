# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'diagnostics_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_DiagnosticsDialog(object):
    def setupUi(self, DiagnosticsDialog):
        if not DiagnosticsDialog.objectName():
            DiagnosticsDialog.setObjectName(u"DiagnosticsDialog")
        DiagnosticsDialog.resize(440, 480)
        self.main_layout = QVBoxLayout(DiagnosticsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.loop_group = QGroupBox(DiagnosticsDialog)
        self.loop_group.setObjectName(u"loop_group")
        self.loop_group_form = QFormLayout(self.loop_group)
        self.loop_group_form.setObjectName(u"loop_group_form")
        self.p50_label = QLabel(self.loop_group)
        self.p50_label.setObjectName(u"p50_label")

        self.loop_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.p50_label)

        self.p50_value = QLabel(self.loop_group)
        self.p50_value.setObjectName(u"p50_value")
        self.p50_value.setText(u"-")
        self.p50_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loop_group_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.p50_value)

        self.p99_label = QLabel(self.loop_group)
        self.p99_label.setObjectName(u"p99_label")

        self.loop_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.p99_label)

        self.p99_value = QLabel(self.loop_group)
        self.p99_value.setObjectName(u"p99_value")
        self.p99_value.setText(u"-")
        self.p99_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loop_group_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.p99_value)

        self.max_label = QLabel(self.loop_group)
        self.max_label.setObjectName(u"max_label")

        self.loop_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.max_label)

        self.max_value = QLabel(self.loop_group)
        self.max_value.setObjectName(u"max_value")
        self.max_value.setText(u"-")
        self.max_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loop_group_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.max_value)

        self.max_all_time_label = QLabel(self.loop_group)
        self.max_all_time_label.setObjectName(u"max_all_time_label")

        self.loop_group_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.max_all_time_label)

        self.max_all_time_value = QLabel(self.loop_group)
        self.max_all_time_value.setObjectName(u"max_all_time_value")
        self.max_all_time_value.setText(u"-")
        self.max_all_time_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loop_group_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.max_all_time_value)

        self.ticks_label = QLabel(self.loop_group)
        self.ticks_label.setObjectName(u"ticks_label")

        self.loop_group_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.ticks_label)

        self.ticks_value = QLabel(self.loop_group)
        self.ticks_value.setObjectName(u"ticks_value")
        self.ticks_value.setText(u"-")
        self.ticks_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loop_group_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.ticks_value)

        self.late_ticks_label = QLabel(self.loop_group)
        self.late_ticks_label.setObjectName(u"late_ticks_label")

        self.loop_group_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.late_ticks_label)

        self.late_ticks_value = QLabel(self.loop_group)
        self.late_ticks_value.setObjectName(u"late_ticks_value")
        self.late_ticks_value.setText(u"-")
        self.late_ticks_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.loop_group_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.late_ticks_value)


        self.main_layout.addWidget(self.loop_group)

        self.stall_label = QLabel(DiagnosticsDialog)
        self.stall_label.setObjectName(u"stall_label")
        self.stall_label.setWordWrap(True)
        self.stall_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.stall_label)

        self.work_group = QGroupBox(DiagnosticsDialog)
        self.work_group.setObjectName(u"work_group")
        self.work_group_form = QFormLayout(self.work_group)
        self.work_group_form.setObjectName(u"work_group_form")
        self.store_lane_label = QLabel(self.work_group)
        self.store_lane_label.setObjectName(u"store_lane_label")

        self.work_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.store_lane_label)

        self.store_lane_value = QLabel(self.work_group)
        self.store_lane_value.setObjectName(u"store_lane_value")
        self.store_lane_value.setText(u"-")
        self.store_lane_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.work_group_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.store_lane_value)

        self.net_lane_label = QLabel(self.work_group)
        self.net_lane_label.setObjectName(u"net_lane_label")

        self.work_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.net_lane_label)

        self.net_lane_value = QLabel(self.work_group)
        self.net_lane_value.setObjectName(u"net_lane_value")
        self.net_lane_value.setText(u"-")
        self.net_lane_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.work_group_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.net_lane_value)


        self.main_layout.addWidget(self.work_group)

        self.connection_group = QGroupBox(DiagnosticsDialog)
        self.connection_group.setObjectName(u"connection_group")
        self.connection_group_form = QFormLayout(self.connection_group)
        self.connection_group_form.setObjectName(u"connection_group_form")
        self.connection_label = QLabel(self.connection_group)
        self.connection_label.setObjectName(u"connection_label")

        self.connection_group_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.connection_label)

        self.connection_value = QLabel(self.connection_group)
        self.connection_value.setObjectName(u"connection_value")
        self.connection_value.setText(u"-")
        self.connection_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.connection_group_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.connection_value)

        self.outbox_label = QLabel(self.connection_group)
        self.outbox_label.setObjectName(u"outbox_label")

        self.connection_group_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.outbox_label)

        self.outbox_value = QLabel(self.connection_group)
        self.outbox_value.setObjectName(u"outbox_value")
        self.outbox_value.setText(u"-")
        self.outbox_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.connection_group_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.outbox_value)

        self.log_file_label = QLabel(self.connection_group)
        self.log_file_label.setObjectName(u"log_file_label")

        self.connection_group_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.log_file_label)

        self.log_file_value = QLabel(self.connection_group)
        self.log_file_value.setObjectName(u"log_file_value")
        self.log_file_value.setText(u"-")
        self.log_file_value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.connection_group_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.log_file_value)


        self.main_layout.addWidget(self.connection_group)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.reset_button = QPushButton(DiagnosticsDialog)
        self.reset_button.setObjectName(u"reset_button")
        self.reset_button.setAutoDefault(False)

        self.button_row.addWidget(self.reset_button)

        self.copy_button = QPushButton(DiagnosticsDialog)
        self.copy_button.setObjectName(u"copy_button")
        self.copy_button.setAutoDefault(False)

        self.button_row.addWidget(self.copy_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.close_button = QPushButton(DiagnosticsDialog)
        self.close_button.setObjectName(u"close_button")

        self.button_row.addWidget(self.close_button)


        self.main_layout.addLayout(self.button_row)


        self.retranslateUi(DiagnosticsDialog)

        self.close_button.setDefault(True)

    # setupUi

    def retranslateUi(self, DiagnosticsDialog):
        DiagnosticsDialog.setWindowTitle(QCoreApplication.translate("DiagnosticsDialog", u"Diagnostics", None))
        self.loop_group.setTitle(QCoreApplication.translate("DiagnosticsDialog", u"Event loop lateness (ms)", None))
        self.p50_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Median lateness:", None))
        self.p99_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"99th percentile:", None))
        self.max_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Worst (recent):", None))
        self.max_all_time_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Worst since start:", None))
        self.ticks_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Ticks measured:", None))
        self.late_ticks_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Late ticks:", None))
        self.work_group.setTitle(QCoreApplication.translate("DiagnosticsDialog", u"Background work", None))
        self.store_lane_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Store tasks:", None))
        self.net_lane_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Network tasks:", None))
        self.connection_group.setTitle(QCoreApplication.translate("DiagnosticsDialog", u"Connection", None))
        self.connection_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Server:", None))
        self.outbox_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Actions waiting to be sent:", None))
        self.log_file_label.setText(QCoreApplication.translate("DiagnosticsDialog", u"Log file:", None))
        self.reset_button.setText(QCoreApplication.translate("DiagnosticsDialog", u"&Reset figures", None))
        self.copy_button.setText(QCoreApplication.translate("DiagnosticsDialog", u"&Copy", None))
        self.close_button.setText(QCoreApplication.translate("DiagnosticsDialog", u"Close", None))
    # retranslateUi

