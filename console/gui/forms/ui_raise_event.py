# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'raise_event.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QDoubleSpinBox,
    QFormLayout, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QStackedWidget, QVBoxLayout, QWidget)

class Ui_RaiseEventDialog(object):
    def setupUi(self, RaiseEventDialog):
        if not RaiseEventDialog.objectName():
            RaiseEventDialog.setObjectName(u"RaiseEventDialog")
        RaiseEventDialog.resize(600, 700)
        RaiseEventDialog.setModal(True)
        self.main_layout = QVBoxLayout(RaiseEventDialog)
        self.main_layout.setSpacing(10)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(16, 16, 16, 12)
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.title_label = QLabel(RaiseEventDialog)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(RaiseEventDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.category_label = QLabel(RaiseEventDialog)
        self.category_label.setObjectName(u"category_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.category_combo = QComboBox(RaiseEventDialog)
        self.category_combo.setObjectName(u"category_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.category_combo)

        self.priority_label = QLabel(RaiseEventDialog)
        self.priority_label.setObjectName(u"priority_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.priority_label)

        self.priority_combo = QComboBox(RaiseEventDialog)
        self.priority_combo.setObjectName(u"priority_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.priority_combo)

        self.source_label = QLabel(RaiseEventDialog)
        self.source_label.setObjectName(u"source_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.source_label)

        self.source_combo = QComboBox(RaiseEventDialog)
        self.source_combo.setObjectName(u"source_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.source_combo)

        self.caller_name_label = QLabel(RaiseEventDialog)
        self.caller_name_label.setObjectName(u"caller_name_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.caller_name_label)

        self.caller_name_edit = QLineEdit(RaiseEventDialog)
        self.caller_name_edit.setObjectName(u"caller_name_edit")
        self.caller_name_edit.setMaxLength(100)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.caller_name_edit)

        self.caller_phone_label = QLabel(RaiseEventDialog)
        self.caller_phone_label.setObjectName(u"caller_phone_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.caller_phone_label)

        self.caller_phone_edit = QLineEdit(RaiseEventDialog)
        self.caller_phone_edit.setObjectName(u"caller_phone_edit")
        self.caller_phone_edit.setMaxLength(40)
        self.caller_phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.caller_phone_edit)

        self.camera_label = QLabel(RaiseEventDialog)
        self.camera_label.setObjectName(u"camera_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.camera_label)

        self.camera_value_label = QLabel(RaiseEventDialog)
        self.camera_value_label.setObjectName(u"camera_value_label")
        self.camera_value_label.setTextFormat(Qt.TextFormat.PlainText)
        self.camera_value_label.setWordWrap(True)
        self.camera_value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.camera_value_label)

        self.location_label = QLabel(RaiseEventDialog)
        self.location_label.setObjectName(u"location_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.location_label)

        self.location_box = QVBoxLayout()
        self.location_box.setSpacing(4)
        self.location_box.setObjectName(u"location_box")
        self.location_mode_row = QHBoxLayout()
        self.location_mode_row.setObjectName(u"location_mode_row")
        self.pick_camera_radio = QRadioButton(RaiseEventDialog)
        self.pick_camera_radio.setObjectName(u"pick_camera_radio")
        self.pick_camera_radio.setChecked(True)

        self.location_mode_row.addWidget(self.pick_camera_radio)

        self.pick_region_radio = QRadioButton(RaiseEventDialog)
        self.pick_region_radio.setObjectName(u"pick_region_radio")

        self.location_mode_row.addWidget(self.pick_region_radio)

        self.pick_coordinates_radio = QRadioButton(RaiseEventDialog)
        self.pick_coordinates_radio.setObjectName(u"pick_coordinates_radio")

        self.location_mode_row.addWidget(self.pick_coordinates_radio)

        self.location_mode_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.location_mode_row.addItem(self.location_mode_spacer)


        self.location_box.addLayout(self.location_mode_row)

        self.location_pages = QStackedWidget(RaiseEventDialog)
        self.location_pages.setObjectName(u"location_pages")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.location_pages.sizePolicy().hasHeightForWidth())
        self.location_pages.setSizePolicy(sizePolicy)
        self.camera_page = QWidget()
        self.camera_page.setObjectName(u"camera_page")
        self.camera_page_layout = QVBoxLayout(self.camera_page)
        self.camera_page_layout.setSpacing(4)
        self.camera_page_layout.setObjectName(u"camera_page_layout")
        self.camera_page_layout.setContentsMargins(0, 0, 0, 0)
        self.camera_search_edit = QLineEdit(self.camera_page)
        self.camera_search_edit.setObjectName(u"camera_search_edit")
        self.camera_search_edit.setClearButtonEnabled(True)

        self.camera_page_layout.addWidget(self.camera_search_edit)

        self.camera_results = QListWidget(self.camera_page)
        self.camera_results.setObjectName(u"camera_results")
        self.camera_results.setMaximumSize(QSize(16777215, 110))
        self.camera_results.setUniformItemSizes(True)

        self.camera_page_layout.addWidget(self.camera_results)

        self.location_pages.addWidget(self.camera_page)
        self.region_page = QWidget()
        self.region_page.setObjectName(u"region_page")
        self.region_page_layout = QVBoxLayout(self.region_page)
        self.region_page_layout.setObjectName(u"region_page_layout")
        self.region_page_layout.setContentsMargins(0, 0, 0, 0)
        self.region_edit = QLineEdit(self.region_page)
        self.region_edit.setObjectName(u"region_edit")
        self.region_edit.setClearButtonEnabled(True)

        self.region_page_layout.addWidget(self.region_edit)

        self.location_pages.addWidget(self.region_page)
        self.coordinates_page = QWidget()
        self.coordinates_page.setObjectName(u"coordinates_page")
        self.coordinates_page_layout = QVBoxLayout(self.coordinates_page)
        self.coordinates_page_layout.setObjectName(u"coordinates_page_layout")
        self.coordinates_page_layout.setContentsMargins(0, 0, 0, 0)
        self.coordinates_edit = QLineEdit(self.coordinates_page)
        self.coordinates_edit.setObjectName(u"coordinates_edit")

        self.coordinates_page_layout.addWidget(self.coordinates_edit)

        self.location_pages.addWidget(self.coordinates_page)

        self.location_box.addWidget(self.location_pages)

        self.location_value_label = QLabel(RaiseEventDialog)
        self.location_value_label.setObjectName(u"location_value_label")
        self.location_value_label.setTextFormat(Qt.TextFormat.PlainText)
        self.location_value_label.setWordWrap(True)

        self.location_box.addWidget(self.location_value_label)


        self.form_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.location_box)

        self.position_label = QLabel(RaiseEventDialog)
        self.position_label.setObjectName(u"position_label")

        self.form_layout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.position_label)

        self.position_row = QHBoxLayout()
        self.position_row.setObjectName(u"position_row")
        self.lat_label = QLabel(RaiseEventDialog)
        self.lat_label.setObjectName(u"lat_label")

        self.position_row.addWidget(self.lat_label)

        self.lat_spin = QDoubleSpinBox(RaiseEventDialog)
        self.lat_spin.setObjectName(u"lat_spin")
        self.lat_spin.setDecimals(6)
        self.lat_spin.setMinimum(-90.000000000000000)
        self.lat_spin.setMaximum(90.000000000000000)
        self.lat_spin.setSingleStep(0.001000000000000)

        self.position_row.addWidget(self.lat_spin)

        self.lon_label = QLabel(RaiseEventDialog)
        self.lon_label.setObjectName(u"lon_label")

        self.position_row.addWidget(self.lon_label)

        self.lon_spin = QDoubleSpinBox(RaiseEventDialog)
        self.lon_spin.setObjectName(u"lon_spin")
        self.lon_spin.setDecimals(6)
        self.lon_spin.setMinimum(-180.000000000000000)
        self.lon_spin.setMaximum(180.000000000000000)
        self.lon_spin.setSingleStep(0.001000000000000)

        self.position_row.addWidget(self.lon_spin)

        self.position_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.position_row.addItem(self.position_spacer)


        self.form_layout.setLayout(8, QFormLayout.ItemRole.FieldRole, self.position_row)

        self.address_label = QLabel(RaiseEventDialog)
        self.address_label.setObjectName(u"address_label")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.address_label)

        self.address_edit = QLineEdit(RaiseEventDialog)
        self.address_edit.setObjectName(u"address_edit")

        self.form_layout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.address_edit)

        self.description_label = QLabel(RaiseEventDialog)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(10, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(RaiseEventDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(10, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.snapshot_caption = QLabel(RaiseEventDialog)
        self.snapshot_caption.setObjectName(u"snapshot_caption")

        self.form_layout.setWidget(11, QFormLayout.ItemRole.LabelRole, self.snapshot_caption)

        self.snapshot_row = QHBoxLayout()
        self.snapshot_row.setObjectName(u"snapshot_row")
        self.snapshot_label = QLabel(RaiseEventDialog)
        self.snapshot_label.setObjectName(u"snapshot_label")
        self.snapshot_label.setMinimumSize(QSize(240, 135))
        self.snapshot_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.snapshot_label.setTextFormat(Qt.TextFormat.PlainText)
        self.snapshot_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.snapshot_label.setWordWrap(True)

        self.snapshot_row.addWidget(self.snapshot_label)

        self.snapshot_actions = QVBoxLayout()
        self.snapshot_actions.setObjectName(u"snapshot_actions")
        self.remove_snapshot_button = QPushButton(RaiseEventDialog)
        self.remove_snapshot_button.setObjectName(u"remove_snapshot_button")
        self.remove_snapshot_button.setAutoDefault(False)

        self.snapshot_actions.addWidget(self.remove_snapshot_button)

        self.snapshot_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.snapshot_actions.addItem(self.snapshot_spacer)


        self.snapshot_row.addLayout(self.snapshot_actions)

        self.snapshot_row_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.snapshot_row.addItem(self.snapshot_row_spacer)


        self.form_layout.setLayout(11, QFormLayout.ItemRole.FieldRole, self.snapshot_row)


        self.main_layout.addLayout(self.form_layout)

        self.message_label = QLabel(RaiseEventDialog)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.message_label)

        self.button_row = QHBoxLayout()
        self.button_row.setObjectName(u"button_row")
        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.button_row.addItem(self.button_spacer)

        self.report_button = QPushButton(RaiseEventDialog)
        self.report_button.setObjectName(u"report_button")

        self.button_row.addWidget(self.report_button)

        self.cancel_button = QPushButton(RaiseEventDialog)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setAutoDefault(False)

        self.button_row.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.button_row)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.category_label.setBuddy(self.category_combo)
        self.priority_label.setBuddy(self.priority_combo)
        self.source_label.setBuddy(self.source_combo)
        self.caller_name_label.setBuddy(self.caller_name_edit)
        self.caller_phone_label.setBuddy(self.caller_phone_edit)
        self.location_label.setBuddy(self.pick_camera_radio)
        self.lat_label.setBuddy(self.lat_spin)
        self.lon_label.setBuddy(self.lon_spin)
        self.address_label.setBuddy(self.address_edit)
        self.description_label.setBuddy(self.description_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title_edit, self.category_combo)
        QWidget.setTabOrder(self.category_combo, self.priority_combo)
        QWidget.setTabOrder(self.priority_combo, self.source_combo)
        QWidget.setTabOrder(self.source_combo, self.caller_name_edit)
        QWidget.setTabOrder(self.caller_name_edit, self.caller_phone_edit)
        QWidget.setTabOrder(self.caller_phone_edit, self.pick_camera_radio)
        QWidget.setTabOrder(self.pick_camera_radio, self.pick_region_radio)
        QWidget.setTabOrder(self.pick_region_radio, self.pick_coordinates_radio)
        QWidget.setTabOrder(self.pick_coordinates_radio, self.camera_search_edit)
        QWidget.setTabOrder(self.camera_search_edit, self.camera_results)
        QWidget.setTabOrder(self.camera_results, self.region_edit)
        QWidget.setTabOrder(self.region_edit, self.coordinates_edit)
        QWidget.setTabOrder(self.coordinates_edit, self.lat_spin)
        QWidget.setTabOrder(self.lat_spin, self.lon_spin)
        QWidget.setTabOrder(self.lon_spin, self.address_edit)
        QWidget.setTabOrder(self.address_edit, self.description_edit)
        QWidget.setTabOrder(self.description_edit, self.remove_snapshot_button)
        QWidget.setTabOrder(self.remove_snapshot_button, self.report_button)
        QWidget.setTabOrder(self.report_button, self.cancel_button)

        self.retranslateUi(RaiseEventDialog)

        self.report_button.setDefault(True)

    # setupUi

    def retranslateUi(self, RaiseEventDialog):
        RaiseEventDialog.setWindowTitle(QCoreApplication.translate("RaiseEventDialog", u"Raise an event", None))
        self.title_label.setText(QCoreApplication.translate("RaiseEventDialog", u"&Title:", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"What is happening, in a few words", None))
        self.category_label.setText(QCoreApplication.translate("RaiseEventDialog", u"&Category:", None))
        self.priority_label.setText(QCoreApplication.translate("RaiseEventDialog", u"&Priority:", None))
        self.source_label.setText(QCoreApplication.translate("RaiseEventDialog", u"&Source:", None))
        self.caller_name_label.setText(QCoreApplication.translate("RaiseEventDialog", u"Caller &name:", None))
        self.caller_name_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"As the caller gives it (optional)", None))
        self.caller_phone_label.setText(QCoreApplication.translate("RaiseEventDialog", u"Caller p&hone:", None))
        self.caller_phone_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"7 to 15 digits, e.g. 13812345678", None))
        self.camera_label.setText(QCoreApplication.translate("RaiseEventDialog", u"Camera:", None))
        self.location_label.setText(QCoreApplication.translate("RaiseEventDialog", u"Location from:", None))
        self.pick_camera_radio.setText(QCoreApplication.translate("RaiseEventDialog", u"A ca&mera", None))
        self.pick_region_radio.setText(QCoreApplication.translate("RaiseEventDialog", u"A town or &village", None))
        self.pick_coordinates_radio.setText(QCoreApplication.translate("RaiseEventDialog", u"Coord&inates", None))
        self.camera_search_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"Type part of a camera's name or code", None))
        self.region_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"Type part of a town's or village's name, then choose it", None))
        self.coordinates_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"Latitude, longitude (WGS-84), e.g. 19.2466, 110.4665", None))
        self.position_label.setText(QCoreApplication.translate("RaiseEventDialog", u"Position:", None))
        self.lat_label.setText(QCoreApplication.translate("RaiseEventDialog", u"L&atitude", None))
        self.lon_label.setText(QCoreApplication.translate("RaiseEventDialog", u"L&ongitude", None))
        self.address_label.setText(QCoreApplication.translate("RaiseEventDialog", u"A&ddress:", None))
        self.address_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"Street, landmark or village (optional)", None))
        self.description_label.setText(QCoreApplication.translate("RaiseEventDialog", u"D&escription:", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("RaiseEventDialog", u"What you see, who is affected, what is needed (optional)", None))
        self.snapshot_caption.setText(QCoreApplication.translate("RaiseEventDialog", u"Snapshot:", None))
        self.remove_snapshot_button.setText(QCoreApplication.translate("RaiseEventDialog", u"&Remove snapshot", None))
        self.report_button.setText(QCoreApplication.translate("RaiseEventDialog", u"Re&port", None))
        self.cancel_button.setText(QCoreApplication.translate("RaiseEventDialog", u"Cancel", None))
    # retranslateUi

