# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'review_bookmark.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReviewBookmarkDialog(object):
    def setupUi(self, ReviewBookmarkDialog):
        if not ReviewBookmarkDialog.objectName():
            ReviewBookmarkDialog.setObjectName(u"ReviewBookmarkDialog")
        ReviewBookmarkDialog.resize(440, 280)
        ReviewBookmarkDialog.setModal(True)
        self.main_layout = QVBoxLayout(ReviewBookmarkDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.clip_caption = QLabel(ReviewBookmarkDialog)
        self.clip_caption.setObjectName(u"clip_caption")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.clip_caption)

        self.clip_combo = QComboBox(ReviewBookmarkDialog)
        self.clip_combo.setObjectName(u"clip_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.clip_combo)

        self.time_caption = QLabel(ReviewBookmarkDialog)
        self.time_caption.setObjectName(u"time_caption")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.time_caption)

        self.time_label = QLabel(ReviewBookmarkDialog)
        self.time_label.setObjectName(u"time_label")
        self.time_label.setText(u"")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.time_label)

        self.note_caption = QLabel(ReviewBookmarkDialog)
        self.note_caption.setObjectName(u"note_caption")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.note_caption)

        self.note_edit = QPlainTextEdit(ReviewBookmarkDialog)
        self.note_edit.setObjectName(u"note_edit")
        self.note_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.note_edit)

        self.event_caption = QLabel(ReviewBookmarkDialog)
        self.event_caption.setObjectName(u"event_caption")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.event_caption)

        self.event_edit = QLineEdit(ReviewBookmarkDialog)
        self.event_edit.setObjectName(u"event_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.event_edit)


        self.main_layout.addLayout(self.form_layout)

        self.sync_label = QLabel(ReviewBookmarkDialog)
        self.sync_label.setObjectName(u"sync_label")
        self.sync_label.setText(u"")
        self.sync_label.setWordWrap(True)

        self.main_layout.addWidget(self.sync_label)

        self.error_label = QLabel(ReviewBookmarkDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setText(u"")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(ReviewBookmarkDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.note_caption.setBuddy(self.note_edit)
        self.event_caption.setBuddy(self.event_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.clip_combo, self.note_edit)
        QWidget.setTabOrder(self.note_edit, self.event_edit)

        self.retranslateUi(ReviewBookmarkDialog)
    # setupUi

    def retranslateUi(self, ReviewBookmarkDialog):
        ReviewBookmarkDialog.setWindowTitle(QCoreApplication.translate("ReviewBookmarkDialog", u"Add a bookmark", None))
        self.clip_caption.setText(QCoreApplication.translate("ReviewBookmarkDialog", u"Clip:", None))
        self.time_caption.setText(QCoreApplication.translate("ReviewBookmarkDialog", u"Time:", None))
        self.note_caption.setText(QCoreApplication.translate("ReviewBookmarkDialog", u"&Note:", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("ReviewBookmarkDialog", u"What happens here", None))
        self.event_caption.setText(QCoreApplication.translate("ReviewBookmarkDialog", u"&Event:", None))
        self.event_edit.setPlaceholderText(QCoreApplication.translate("ReviewBookmarkDialog", u"Event id (optional)", None))
    # retranslateUi

