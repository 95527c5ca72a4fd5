// SPDX-License-Identifier: GPL-3.0-or-later
// One Sotto per profile, across real processes: a second `sotto --headless` on a profile
// another one has open is refused with a clear reason and changes nothing; after the
// first is killed (-9, no cleanup) its stale lock is taken over.
#include "tests/support/HeadlessNode.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

#include <sys/stat.h>

using namespace sotto::test;

namespace {

bool isUnlockError(const QJsonObject &e)
{
    return e.value(QStringLiteral("event")) == QLatin1String("error") && e.value(QStringLiteral("code")) == QLatin1String("unlock_failed");
}

} // namespace

class TestProfileLock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void secondProcessIsRefusedUntilTheFirstIsGone()
    {
        HeadlessNode first(QStringLiteral("Ann"), {}, noDiscovery());
        QVERIFY(first.start());
        const QString dir = first.profileDir();
        const QString lockFile = QDir(dir).filePath(QStringLiteral("sotto.lock"));
        struct stat st{};
        QCOMPARE(::stat(QFile::encodeName(lockFile).constData(), &st), 0);
        QCOMPARE(int(st.st_mode & 0777), 0600);

        HeadlessNode second(QStringLiteral("Ann"), dir, noDiscovery());
        QVERIFY(second.launch());
        QVERIFY(!second.finishStart());
        const QJsonObject refused = second.waitFor(isUnlockError, 0);
        const QString reason = refused.value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("open in another Sotto")), qPrintable(reason));
        QVERIFY2(reason.contains(QString::number(first.processId())), qPrintable(reason));
        second.quit();

        // The first never noticed: it still answers and its profile is its own.
        const QJsonObject who = cmd(first, {{QStringLiteral("cmd"), QStringLiteral("whoami")}});
        QCOMPARE(who.value(QStringLiteral("peer")).toString(), first.peer());

        first.kill(); // the lock file stays behind, naming a dead process
        QVERIFY(QFileInfo::exists(lockFile));
        HeadlessNode third(QStringLiteral("Ann"), dir, noDiscovery());
        QVERIFY(third.start());
        QCOMPARE(third.peer(), first.peer());
        third.quit();
        QVERIFY(!QFileInfo::exists(lockFile)); // a clean quit releases it
    }
};

QTEST_GUILESS_MAIN(TestProfileLock)
#include "tst_profilelock.moc"
