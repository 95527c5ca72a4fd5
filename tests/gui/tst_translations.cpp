// SPDX-License-Identifier: GPL-3.0-or-later
// The window in the desktop's language: German, Simplified Chinese, and English for C and
// en. The locale is set with QLocale::setDefault, which QLocale() (what the program's loader
// reads) then answers; LANGUAGE and LANG cannot be changed once Qt has read them. Each row
// opens the real window at first start and reads what a person sees: texts from QML (qsTr),
// from C++ (tr) and, where Debian's qt6-translations-l10n is installed, Qt's own.
#include "ui/AppController.h"
#include "ui/MainWindow.h"
#include "ui/Translations.h"

#include "tests/gui/GuiTestApp.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;

namespace {

// Every text and placeholder the window's items hold, visible or not.
QStringList shownTexts(QQuickItem *item)
{
    QStringList texts;
    for (const char *property : {"text", "placeholderText"}) {
        const QVariant value = item->property(property);
        if (value.typeId() == QMetaType::QString && !value.toString().isEmpty())
            texts << value.toString();
    }
    for (QQuickItem *child : item->childItems())
        texts << shownTexts(child);
    return texts;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        QLocale::setDefault(QLocale::c());
        ui::installTranslations(QLocale::c()); // back to the source texts
    }

    void firstStartPage_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("language"); // of the translation loaded, "" for none
        QTest::addColumn<QString>("welcome");
        QTest::addColumn<QString>("create");
        QTest::addColumn<QString>("namePlaceholder");
        QTest::addColumn<QString>("shortHint"); // C++: PassphraseStrength
        QTest::addColumn<QString>("nameError"); // C++: SessionController
        QTest::addColumn<QString>("unread");    // C++, plural: the tray's tool tip for 3

        QTest::newRow("de_DE") << "de_DE" << "de" << QStringLiteral("Willkommen bei Sotto")
                               << QStringLiteral("Mein Profil erstellen") << QStringLiteral("Dein Name, wie andere ihn sehen")
                               << QStringLiteral("Zu kurz: Verwende mindestens 8 Zeichen, besser mehrere Wörter.")
                               << QStringLiteral("Wähle einen Anzeigenamen: Er darf nicht leer sein oder nur aus Leerzeichen bestehen.")
                               << QStringLiteral("Sotto – 3 ungelesen");
        QTest::newRow("de_AT") << "de_AT" << "de" << QStringLiteral("Willkommen bei Sotto")
                               << QStringLiteral("Mein Profil erstellen") << QStringLiteral("Dein Name, wie andere ihn sehen")
                               << QStringLiteral("Zu kurz: Verwende mindestens 8 Zeichen, besser mehrere Wörter.")
                               << QStringLiteral("Wähle einen Anzeigenamen: Er darf nicht leer sein oder nur aus Leerzeichen bestehen.")
                               << QStringLiteral("Sotto – 3 ungelesen");
        QTest::newRow("zh_CN") << "zh_CN" << "zh_CN" << QStringLiteral("欢迎使用 Sotto")
                               << QStringLiteral("创建我的配置文件") << QStringLiteral("其他人看到的你的名字")
                               << QStringLiteral("太短：请至少使用 8 个字符，最好是几个单词。")
                               << QStringLiteral("请选择一个显示名称：不能为空，也不能只有空格。")
                               << QStringLiteral("Sotto — 3 条未读");
        const auto english = [](const char *locale) {
            QTest::newRow(locale) << locale << "" << QStringLiteral("Welcome to Sotto") << QStringLiteral("Create my profile")
                                  << QStringLiteral("Your name, as others will see it")
                                  << QStringLiteral("Too short: use at least 8 characters, better several words.")
                                  << QStringLiteral("Choose a display name: it cannot be empty or only spaces.")
                                  << QStringLiteral("Sotto — 3 unread");
        };
        english("C");
        english("en_US");
        english("fr_FR"); // no French translation: the source texts
    }

    void firstStartPage()
    {
        QFETCH(QString, locale);
        QFETCH(QString, language);
        QFETCH(QString, welcome);
        QFETCH(QString, create);
        QFETCH(QString, namePlaceholder);
        QFETCH(QString, shortHint);
        QFETCH(QString, nameError);
        QFETCH(QString, unread);

        // The order the program has: the translation before the controller and the window.
        QLocale::setDefault(QLocale(locale));
        QCOMPARE(ui::installTranslations(), language);

        QTemporaryDir tmp;
        ui::AppController app(test::guiTestOptions(tmp));
        QQmlApplicationEngine engine;
        QQuickWindow *window = ui::loadMainWindow(engine, app);
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(app.session()->state(), ui::SessionController::NoProfile);

        const QStringList texts = shownTexts(window->contentItem());
        QVERIFY2(texts.contains(welcome), qPrintable(texts.join(u'|')));
        QCOMPARE(test::findItem(window, "createButton")->property("text").toString(), create);
        QCOMPARE(test::findItem(window, "displayName")->property("placeholderText").toString(), namePlaceholder);
        QVERIFY(language.isEmpty() || !texts.contains(QStringLiteral("Welcome to Sotto")));

        // Texts worded in C++ reach the page translated too.
        test::findItem(window, "passphrase")->setProperty("text", QStringLiteral("short"));
        QTRY_COMPARE(test::findItem(window, "strengthHint")->property("text").toString(), shortHint);
        test::clickItem(window, test::findItem(window, "createButton"));
        QTRY_COMPARE(app.session()->errorText(), nameError);
        QCOMPARE(QCoreApplication::translate("sotto::ui::DesktopController", "Sotto — %n unread", nullptr, 3), unread);
    }

    // Qt's own texts (the dialogs' standard buttons) follow where the system has them.
    void qtsOwnTexts()
    {
        const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!QFile::exists(dir + QStringLiteral("/qtbase_de.qm")))
            QSKIP("Qt's translations are not installed (Debian: qt6-translations-l10n)");
        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        QCOMPARE(ui::installTranslations(), QStringLiteral("de"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
        ui::installTranslations(QLocale::c());
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
