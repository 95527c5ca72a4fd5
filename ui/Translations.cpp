// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace sotto::ui {
namespace {

// What the last call installed, removed by the next (a test switches languages in one process).
QPointer<QTranslator> installedSotto;
QPointer<QTranslator> installedQt;

void uninstall(QPointer<QTranslator> &translator)
{
    if (translator) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

QTranslator *load(const QLocale &language, const QString &name, const QString &directory)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(language, name, QStringLiteral("_"), directory) && QCoreApplication::installTranslator(translator))
        return translator;
    delete translator;
    return nullptr;
}

} // namespace

QString installTranslations(const QLocale &locale)
{
    uninstall(installedSotto);
    uninstall(installedQt);
    // One language at a time, in the user's order: QTranslator::load(locale) alone would
    // skip an English ranked first (we ship no sotto_en) and load the next one down.
    for (const QString &name : locale.uiLanguages()) {
        const QLocale language(name);
        if (language.language() == QLocale::English || language.language() == QLocale::C)
            return {}; // the source texts are English
        installedSotto = load(language, QStringLiteral("sotto"), QStringLiteral(":/i18n"));
        if (!installedSotto)
            continue;
        // Optional (Debian's qt6-translations-l10n): without it Qt's standard buttons
        // ("Cancel", "Close") stay English beside our translated texts.
        installedQt = load(language, QStringLiteral("qt"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        return installedSotto->language();
    }
    return {};
}

} // namespace sotto::ui
