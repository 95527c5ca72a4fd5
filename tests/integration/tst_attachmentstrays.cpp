// SPDX-License-Identifier: GPL-3.0-or-later
// Sealed copies no attachment names (Sotto killed while it sealed a file, or stopped while a
// removal still waited for the transfer's worker) are removed when the profile opens: no
// row holds their key, so they could never be opened, only fill the disk. Files of other
// names in the folder are left alone.
#include "tests/support/HeadlessNode.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sotto;
using namespace sotto::test;

class TestAttachmentStrays : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void strayCopiesGoWhenTheProfileOpens()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString profile = tmp.filePath(QStringLiteral("ann"));
        {
            HeadlessNode ann(QStringLiteral("ann"), profile);
            QVERIFY(ann.start());
            ann.quit();
        }
        QVERIFY(QDir().mkpath(profile + QStringLiteral("/attachments")));
        const QString stray = profile + QStringLiteral("/attachments/0123456789abcdef0123456789abcdef.sealed");
        const QString other = profile + QStringLiteral("/attachments/notes.txt");
        for (const QString &path : {stray, other}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(70000, '\x42'));
        }
        HeadlessNode again(QStringLiteral("ann"), profile);
        QVERIFY(again.start());
        QVERIFY(!QFile::exists(stray));
        QVERIFY(QFile::exists(other));
        again.quit();
    }
};

QTEST_GUILESS_MAIN(TestAttachmentStrays)
#include "tst_attachmentstrays.moc"
