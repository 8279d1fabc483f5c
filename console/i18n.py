"""Choosing and installing the console's language.

Source strings are English; ``resources/i18n/tianmu_<lang>.qm`` (built from the ``.ts`` files by
``scripts/build_translations.py``) carry the translations, and Qt's own catalogue translates
standard buttons and dialogs. Setting ``TIANMU_PSEUDO_LOCALE=1`` wraps every string in brackets
and stretches it by about 40%, which shows clipped or hard-coded text at a glance.
"""

from __future__ import annotations

import logging
import math
import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from console import paths

logger = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
FALLBACK_LANGUAGE = "en"
PSEUDO_ENV = "TIANMU_PSEUDO_LOCALE"
CATALOGUE = "tianmu"

_installed: list[QTranslator] = []  # what the application consults
_owned: list[QTranslator] = []  # everything created here, so it can be freed on replacement


def resolve_language(setting: str, system_locale: QLocale | None = None) -> str:
    """The language to use for the ``language`` setting (``system``, ``zh_CN`` or ``en``)."""
    if setting in LANGUAGES:
        return setting
    if setting != "system":
        logger.warning("Unknown language %r; following the system", setting)
    locale = system_locale if system_locale is not None else QLocale.system()
    if locale.language() == QLocale.Language.Chinese:
        # Traditional-script systems still read Simplified Chinese better than English.
        return "zh_CN"
    return FALLBACK_LANGUAGE


def catalogue_path(language: str) -> str:
    return str(paths.resource("i18n", f"{CATALOGUE}_{language}.qm"))


class PseudoTranslator(QTranslator):
    """Returns every string (translated if a real catalogue has it) bracketed and ~40% longer."""

    STRETCH = 0.4

    def __init__(self, inner: list[QTranslator], parent: QObject | None = None):
        super().__init__(parent)
        self._inner = list(inner)

    @classmethod
    def stretch(cls, text: str) -> str:
        if not text:
            return text
        # The brackets count towards the stretch; the tilde padding makes up the rest.
        padding = max(0, math.ceil(len(text) * cls.STRETCH) - 2)
        return f"[{text}{'~' * padding}]"

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str:
        for translator in self._inner:
            translated = translator.translate(context, source_text, disambiguation, n)
            if translated:
                return self.stretch(translated)
        return self.stretch(source_text)

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False


def install_translator(app: QCoreApplication, language: str = "system") -> str:
    """Install the translations for ``language`` (a ``language`` setting value) on ``app``.

    Replaces any translators installed by an earlier call; returns the language chosen.
    """
    remove_translators(app)
    chosen = resolve_language(language)
    QLocale.setDefault(QLocale(chosen))
    loaded: list[QTranslator] = []

    ours = QTranslator(app)
    if ours.load(catalogue_path(chosen)):
        loaded.append(ours)
    else:
        logger.warning(
            "No translations at %s (run scripts/build_translations.py --release)",
            catalogue_path(chosen),
        )

    qt_catalogue = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if chosen != "en" and qt_catalogue.load(f"qt_{chosen}", qt_dir):
        loaded.append(qt_catalogue)

    _owned.extend([ours, qt_catalogue])
    if os.environ.get(PSEUDO_ENV, "") not in ("", "0"):
        # Consulted instead of the others, since it answers every lookup itself.
        pseudo = PseudoTranslator(loaded, app)
        _owned.append(pseudo)
        _installed.append(pseudo)
        logger.info("Pseudo-locale on: every string is stretched")
    else:
        _installed.extend(loaded)
    for translator in _installed:
        app.installTranslator(translator)
    logger.info("Language: %s (setting %r)", chosen, language)
    return chosen


def remove_translators(app: QCoreApplication) -> None:
    """Take out the translators installed by ``install_translator``."""
    while _installed:
        app.removeTranslator(_installed.pop())
    while _owned:
        _owned.pop().deleteLater()
