// SPDX-License-Identifier: GPL-3.0-or-later
// Attachments between two real headless processes on loopback (issue 9): a 100 MB file
// arrives whole (its SHA-256 equal at the receiver) although the sender and then the
// receiver are killed with SIGKILL in the middle, and the sender puts less than 1.3 times
// the file on the wire in total; a marker inside the file is found in no file of either
// profile; a pointer whose hash does not match the bytes ends failed with a reason; an
// image downloads by itself, and deleting its message deletes both sealed copies; a full
// disk at the receiver pauses the download and it resumes once there is room.
#include "core/crypto/ChunkSealer.h"
#include "core/storage/AttachmentFile.h"
#include "core/storage/Database.h"
#include "core/storage/Profile.h"
#include "core/storage/Vault.h"
#include "tests/support/HeadlessNode.h"
#include "tests/support/TestProfiles.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <unistd.h>

using namespace sotto;
using namespace sotto::test;

namespace {

const QByteArray Marker = QByteArrayLiteral("SOTTO-ATTACHMENT-MARKER-5d1e0c");

bool linked(HeadlessNode &from, HeadlessNode &to)
{
    from.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), to.address()}});
    for (HeadlessNode *side : {&from, &to}) {
        const QString peer = (side == &from ? to : from).peer();
        if (side->waitFor([&](const QJsonObject &e) {
                    return e.value(QStringLiteral("event")) == QLatin1String("peer_online") && e.value(QStringLiteral("peer")) == peer;
                }).isEmpty())
            return false;
    }
    return true;
}

// `size` random bytes with the marker at the start, in the middle and at the end; its SHA-256.
QByteArray writeFile(const QString &path, qint64 size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(1 << 20, Qt::Uninitialized);
    for (qint64 at = 0; at < size;) {
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        const qint64 n = std::min<qint64>(block.size(), size - at);
        QByteArray part = block.left(n);
        for (qint64 mark : {qint64(0), size / 2, size - Marker.size()})
            if (mark >= at && mark + Marker.size() <= at + n)
                part.replace(mark - at, Marker.size(), Marker);
        hash.addData(part);
        f.write(part);
        at += n;
    }
    return hash.result();
}

QByteArray sha256Of(const QString &path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return f.open(QIODevice::ReadOnly) && hash.addData(&f) ? hash.result() : QByteArray();
}

// Whether `needle` is in any file under `dir` (read in blocks, overlapping by the needle).
QString fileContaining(const QString &dir, const QByteArray &needle)
{
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QByteArray tail;
        while (!f.atEnd()) {
            const QByteArray block = tail + f.read(4 << 20);
            if (block.contains(needle))
                return f.fileName();
            tail = block.right(needle.size() - 1);
        }
    }
    return {};
}

bool isEvent(const QJsonObject &e, const char *name) { return e.value(QStringLiteral("event")) == QLatin1String(name); }

// A 24 MB tmpfs at `mountPoint` (root only): a profile's disk that fills up.
bool mountSmallDisk(const QString &mountPoint)
{
    return QDir().mkpath(mountPoint)
        && QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                                                        QStringLiteral("size=24m"), QStringLiteral("tmpfs"), mountPoint})
        == 0;
}

QJsonObject attachmentOf(const QJsonObject &event) { return event.value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject(); }

// The attachment `id` as `node` reports it once its transfer ended (done or failed).
QJsonObject ended(HeadlessNode &node, const QString &id, int timeoutMs)
{
    return attachmentOf(node.waitFor(
        [&](const QJsonObject &e) {
            const QJsonObject a = attachmentOf(e);
            const QString state = a.value(QStringLiteral("state")).toString();
            return isEvent(e, "message_updated") && a.value(QStringLiteral("id")) == id && (state == u"done" || state == u"failed");
        },
        timeoutMs));
}

qint64 bytesDone(HeadlessNode &node, const QString &id)
{
    qint64 most = 0;
    for (const QJsonObject &e : node.events())
        if (isEvent(e, "transfer_progress") && e.value(QStringLiteral("attachment")) == id)
            most = std::max(most, qint64(e.value(QStringLiteral("bytes_done")).toDouble()));
    return most;
}

// Bytes the sender process wrote (sockets and files): /proc/PID/io's wchar.
qint64 bytesWritten(const HeadlessNode &node)
{
    QFile f(QStringLiteral("/proc/%1/io").arg(node.processId()));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    return -1;
}

// The database of a stopped node's profile, opened as Sotto opens it (tests read and change
// rows to make the state after a crash).
std::unique_ptr<storage::Database> openDatabase(const HeadlessNode &node, const char *passphrase)
{
    auto vaultKey = storage::Vault::unlock(storage::Profile::keyFilePath(node.profileDir()), test::passphrase(passphrase));
    if (!vaultKey)
        return nullptr;
    auto db = storage::Database::open(storage::Profile::databasePath(node.profileDir()), *vaultKey);
    return db ? std::move(*db) : nullptr;
}

} // namespace

class TestAttachmentsLive : public QObject {
    Q_OBJECT

    QTemporaryDir tmp;

private Q_SLOTS:
    void aLargeFileSurvivesKillsOfBothSides()
    {
        const qint64 size = 100 * 1000 * 1000;
        const QString source = tmp.filePath(QStringLiteral("big.bin"));
        const QByteArray hash = writeFile(source, size);
        QVERIFY(!hash.isEmpty());
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        QElapsedTimer clock;
        clock.start();
        const QJsonObject reply = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()},
                                            {QStringLiteral("path"), source}, {QStringLiteral("caption"), QStringLiteral("the big one")}});
        const QJsonObject sent = reply.value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject();
        const QString id = sent.value(QStringLiteral("id")).toString();
        QCOMPARE(sent.value(QStringLiteral("state")).toString(), QStringLiteral("uploading"));
        QCOMPARE(qint64(sent.value(QStringLiteral("size")).toDouble()), size);
        QCOMPARE(sent.value(QStringLiteral("name")).toString(), QStringLiteral("big.bin"));
        const qint64 sealMs = clock.restart();
        // The reply comes once the file is hashed; its sealed copy is then written while the
        // first chunks may go. Counted from when the copy is whole, what the sender writes
        // is what it sends (and its database and log).
        const QString sealedCopy = QDir(ann.profileDir()).filePath(QStringLiteral("attachments/%1.sealed").arg(id));
        const qint64 sealedSize = size + qint64(crypto::ChunkSealer::chunkCount(quint64(size))) * crypto::ChunkSealer::Overhead;
        QVERIFY(waitUntil([&] { return QFileInfo(sealedCopy).size() == sealedSize; }, ann, 60000));
        qint64 written = -bytesWritten(ann);

        const QJsonObject arrived = bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; });
        QCOMPARE(attachmentOf(arrived).value(QStringLiteral("state")).toString(), QStringLiteral("paused")); // not an image: on request
        QCOMPARE(arrived.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")).toString(), QStringLiteral("the big one"));
        QCOMPARE(cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}})
                     .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("downloading"));

        // The sender dies a quarter of the way in, and comes back. Timed by the receiver's
        // copy on disk, watched closely: progress events come at most 4 a second, and on a
        // quiet machine the whole 100 MB takes about a third of a second.
        const QString partial = QDir(bob.profileDir()).filePath(QStringLiteral("attachments/%1.sealed").arg(id));
        QElapsedTimer watch;
        watch.start();
        while (QFileInfo(partial).size() <= size / 4 && watch.elapsed() < 60000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
            QThread::usleep(200);
        }
        QVERIFY2(QFileInfo(partial).size() > size / 4, "the download did not get a quarter of the way in");
        written += bytesWritten(ann);
        ann.kill();
        const qint64 atKill = bytesDone(bob, id);
        QVERIFY2(atKill < size, "the transfer was over before the sender was killed");
        // The receiver dies too, mid-file (the sender being down, nothing more can arrive:
        // on an idle machine the rest of 100 MB takes well under a second, so a kill timed
        // against a moving transfer could come after its end), and both come back.
        QVERIFY2(bytesDone(bob, id) < size, "the transfer was over before the receiver was killed");
        bob.kill();
        QVERIFY(bob.start());
        QVERIFY(ann.start());
        written -= bytesWritten(ann);
        // Both on new ports with discovery off: told where the other is now (what the
        // beacons do on a LAN).
        QVERIFY(linked(ann, bob));
        // (Asked of the history, not waited for as an event: it may have ended just before the
        // kill, in the process that is gone.)
        const auto stored = [&] {
            const QJsonArray messages = bob.call({{QStringLiteral("cmd"), QStringLiteral("history")}, {QStringLiteral("peer"), ann.peer()}})
                                            .value(QStringLiteral("messages")).toArray();
            for (const auto &m : messages)
                if (m.toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")) == id)
                    return m.toObject().value(QStringLiteral("attachment")).toObject();
            return QJsonObject();
        };
        QJsonObject done;
        waitUntil([&] {
            done = stored();
            return done.value(QStringLiteral("state")) == QLatin1String("done") || done.value(QStringLiteral("state")) == QLatin1String("failed");
        }, bob, 60000); // the state is compared below
        if (done.value(QStringLiteral("state")) != QLatin1String("done"))
            qWarning().noquote() << "bob:" << bob.stderrText().right(4000) << "\nann:" << ann.stderrText().right(4000);
        QCOMPARE(done.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QCOMPARE(qint64(done.value(QStringLiteral("bytes_done")).toDouble()), size);
        QCOMPARE(ended(ann, id, 10000).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        written += bytesWritten(ann);
        const qint64 transferMs = clock.elapsed();
        qInfo("100 MB: sealed at the sender in %lld ms; transferred (two kills, two restarts) in %lld ms; the sender wrote %.2f× the file",
              sealMs, transferMs, double(written) / double(size));
        // Everything the sender wrote after sealing (sockets, database, log) bounds what it sent.
        QVERIFY2(written < size * 13 / 10, qPrintable(QString::number(written)));

        const QString copy = tmp.filePath(QStringLiteral("saved.bin"));
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id}, {QStringLiteral("path"), copy}});
        QCOMPARE(sha256Of(copy), hash);
        QFile::remove(copy);
        ann.quit();
        bob.quit();
        for (HeadlessNode *node : {&ann, &bob})
            QVERIFY2(fileContaining(node->profileDir(), Marker).isEmpty(), qPrintable(fileContaining(node->profileDir(), Marker)));
    }

    // The sender's copy is sealed again, with its own key, from other bytes of the same
    // size: every chunk opens, but the whole does not match the pointer's hash.
    void aPointerWhoseHashDoesNotMatchEndsFailed()
    {
        const qint64 size = 3 * crypto::ChunkSealer::ChunkSize + 1000;
        const QString source = tmp.filePath(QStringLiteral("report.pdf"));
        QVERIFY(!writeFile(source, size).isEmpty());
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        const QString id = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), source}})
                               .value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; }).isEmpty());
        ann.quit();
        {
            auto db = openDatabase(ann, "test passphrase for ann");
            QVERIFY(db);
            storage::Statement st = db->prepare("SELECT file_key, local_file FROM attachments WHERE file_id = ?");
            st.bind(1, QByteArray::fromHex(id.toLatin1()));
            QVERIFY(st.next());
            QByteArray keyBytes = st.blob(0);
            const crypto::SecretBytes key = crypto::SecretBytes::takeFrom(keyBytes);
            const QString other = tmp.filePath(QStringLiteral("other.pdf"));
            QVERIFY(!writeFile(other, size).isEmpty());
            storage::AttachmentFile file(ann.profileDir() + QStringLiteral("/attachments/") + st.text(1), key, QByteArray::fromHex(id.toLatin1()), quint64(size));
            QVERIFY(file.sealFrom(other));
            // A copy that was whole (the quit may have come while it was still being sealed:
            // then the next start would seal it again from the right bytes).
            QVERIFY(db->prepare("UPDATE attachments SET source = NULL WHERE file_id = ?").bind(1, QByteArray::fromHex(id.toLatin1())).run());
        }
        QVERIFY(ann.start());
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        const QJsonObject failed = ended(bob, id, 20000);
        QCOMPARE(failed.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(failed.value(QStringLiteral("error")).toString().contains(QLatin1String("hash")), qPrintable(failed.value(QStringLiteral("error")).toString()));
        QVERIFY(QDir(bob.profileDir() + QStringLiteral("/attachments")).entryList(QDir::Files).isEmpty()); // nothing partial kept
        const QJsonObject refused = bob.call({{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id},
                                              {QStringLiteral("path"), tmp.filePath(QStringLiteral("never.pdf"))}});
        QCOMPARE(refused.value(QStringLiteral("event")).toString(), QStringLiteral("error"));
        QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("never.pdf"))));
    }

    // The pointer goes once the file is hashed; its sealed copy is made meanwhile. A sender
    // that stops before the copy is whole seals it again from its source at the next start
    // (schema 17 keeps the path until then), checked against the pointer's hash before a
    // chunk goes: the file arrives whole. A source changed meanwhile fails the upload with a
    // reason at the sender and the receiver is told: no other bytes are served for it.
    void aCopyNotWholeWhenTheSenderStoppedIsSealedAgain()
    {
        const qint64 size = 40 * crypto::ChunkSealer::ChunkSize + 123;
        const QString notes = tmp.filePath(QStringLiteral("notes.bin")), draft = tmp.filePath(QStringLiteral("draft.bin"));
        const QByteArray notesHash = writeFile(notes, size);
        QVERIFY(!notesHash.isEmpty());
        QVERIFY(!writeFile(draft, size).isEmpty());
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        QStringList ids;
        for (const QString &path : {notes, draft}) {
            ids << cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), path}})
                       .value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
            QVERIFY(!ids.back().isEmpty());
            if (path == notes) {
                // Saved by its sender at once: the save waits for the copy being sealed.
                const QString own = tmp.filePath(QStringLiteral("notes-own.bin"));
                const QJsonObject saved = ann.call({{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), ids.back()},
                                                    {QStringLiteral("path"), own}});
                QCOMPARE(saved.value(QStringLiteral("event")).toString(), QStringLiteral("ok"));
                QCOMPARE(sha256Of(own), notesHash);
            }
            QVERIFY(!bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == ids.back(); }).isEmpty());
        }
        ann.quit();
        // As if Sotto had stopped while it sealed them: the rows name their sources, one copy
        // is cut short after five chunks, the other is gone; and the draft was edited since.
        {
            auto db = openDatabase(ann, "test passphrase for ann");
            QVERIFY(db);
            for (int i = 0; i < 2; ++i) {
                const QByteArray fileId = QByteArray::fromHex(ids[i].toLatin1());
                storage::Statement st = db->prepare("SELECT local_file, source FROM attachments WHERE file_id = ?");
                st.bind(1, fileId);
                QVERIFY(st.next());
                const QString copy = ann.profileDir() + QStringLiteral("/attachments/") + st.text(0);
                // (A quit that came while a copy was being sealed left none at all.)
                QVERIFY(i == 0 ? !QFile::exists(copy) || QFile::resize(copy, 5 * crypto::ChunkSealer::SealedChunkSize + 100)
                               : !QFile::exists(copy) || QFile::remove(copy));
                QVERIFY(db->prepare("UPDATE attachments SET source = ? WHERE file_id = ?").bind(1, i == 0 ? notes : draft).bind(2, fileId).run());
            }
        }
        QVERIFY(!writeFile(draft, size).isEmpty()); // the same size, other bytes
        QVERIFY(ann.start());
        for (const QString &id : ids)
            cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        const QJsonObject arrived = ended(bob, ids[0], 30000);
        QCOMPARE(arrived.value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        const QString saved = tmp.filePath(QStringLiteral("notes-saved.bin"));
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), ids[0]}, {QStringLiteral("path"), saved}});
        QCOMPARE(sha256Of(saved), notesHash);
        const QJsonObject refused = ended(bob, ids[1], 30000);
        QCOMPARE(refused.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        const QJsonObject atSender = ended(ann, ids[1], 30000);
        QCOMPARE(atSender.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QVERIFY2(atSender.value(QStringLiteral("error")).toString().contains(QLatin1String("changed")),
                 qPrintable(atSender.value(QStringLiteral("error")).toString()));
        ann.quit();
        bob.quit();
        auto db = openDatabase(ann, "test passphrase for ann");
        QVERIFY(db);
        storage::Statement left = db->prepare("SELECT count(*) FROM attachments WHERE source IS NOT NULL");
        QVERIFY(left.next());
        QCOMPARE(left.int64(0), 0); // the user's paths are kept no longer than needed
    }

    // An image under 25 MB from a contact comes without being asked for (from a stranger
    // it waits: asking would tell them it arrived); deleted for everyone, both sealed
    // copies go.
    void anImageComesByItselfAndGoesWithItsMessage()
    {
        const QString source = tmp.filePath(QStringLiteral("photo.png"));
        QFile png(source);
        QVERIFY(png.open(QIODevice::WriteOnly));
        png.write(QByteArray::fromHex("89504e470d0a1a0a") + QByteArray(600 * 1024, 'p') + Marker);
        png.close();
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        // Ann is a stranger to Bob (she added him, he did not add her): her image waits.
        const QJsonObject early = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()},
                                            {QStringLiteral("path"), source}}).value(QStringLiteral("message")).toObject();
        const QString earlyId = early.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
        const QJsonObject request = bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == earlyId; });
        QCOMPARE(attachmentOf(request).value(QStringLiteral("state")).toString(), QStringLiteral("paused"));
        QTest::qWait(500);
        QVERIFY(bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "transfer_progress") && e.value(QStringLiteral("attachment")) == earlyId; }, 1).isEmpty());
        // Bob adds her: now a contact, her next image comes by itself.
        bob.call({{QStringLiteral("cmd"), QStringLiteral("add_peer")}, {QStringLiteral("address"), ann.address()}});
        const QJsonObject message = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()},
                                              {QStringLiteral("path"), source}}).value(QStringLiteral("message")).toObject();
        const QString id = message.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(message.value(QStringLiteral("attachment")).toObject().value(QStringLiteral("mime")).toString(), QStringLiteral("image/png"));
        QCOMPARE(ended(bob, id, 20000).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QVERIFY(!bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "transfer_progress") && e.value(QStringLiteral("attachment")) == id; }).isEmpty());
        QCOMPARE(QDir(bob.profileDir() + QStringLiteral("/attachments")).entryList(QDir::Files).size(), 1);
        cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("delete")}, {QStringLiteral("message"), message.value(QStringLiteral("id")).toString()},
                  {QStringLiteral("for"), QStringLiteral("everyone")}});
        cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("delete")}, {QStringLiteral("message"), early.value(QStringLiteral("id")).toString()},
                  {QStringLiteral("for"), QStringLiteral("everyone")}});
        for (HeadlessNode *node : {&ann, &bob})
            QVERIFY2(waitUntil([&] { return QDir(node->profileDir() + QStringLiteral("/attachments")).entryList(QDir::Files).isEmpty(); }, *node, 10000),
                     qPrintable(node->profileDir()));
        ann.quit();
        bob.quit();
        for (HeadlessNode *node : {&ann, &bob})
            QVERIFY2(fileContaining(node->profileDir(), Marker).isEmpty(), qPrintable(fileContaining(node->profileDir(), Marker)));
    }

    // The receiver cancels a download and later asks for it again (its Retry): the sender,
    // which showed the file as stopped by the receiver, serves it again. Once the sender
    // cancels, a later ask is refused with a reason.
    void aDownloadCancelledByTheReceiverCanBeAskedForAgain()
    {
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        const auto send = [&](const QString &name) {
            const QString source = tmp.filePath(name);
            const QByteArray hash = writeFile(source, 5 * crypto::ChunkSealer::ChunkSize + 77);
            const QString id = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), source}})
                                   .value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
            bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; });
            return std::pair{id, hash};
        };
        const auto stateAt = [](HeadlessNode &node, const QString &id, const char *state) {
            return !node.waitFor([&](const QJsonObject &e) {
                       const QJsonObject a = attachmentOf(e);
                       return isEvent(e, "message_updated") && a.value(QStringLiteral("id")) == id && a.value(QStringLiteral("state")) == QLatin1String(state);
                   }, 15000).isEmpty();
        };

        const auto [id, hash] = send(QStringLiteral("retried.bin"));
        QCOMPARE(cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("cancel")}, {QStringLiteral("attachment"), id}})
                     .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("failed"));
        QVERIFY(stateAt(ann, id, "paused"));
        bob.forgetEvents(); // its "failed" of the cancel
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        QCOMPARE(ended(bob, id, 20000).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        QVERIFY(stateAt(ann, id, "done"));
        const QString copy = tmp.filePath(QStringLiteral("retried-copy.bin"));
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id}, {QStringLiteral("path"), copy}});
        QCOMPARE(sha256Of(copy), hash);

        const auto [refused, refusedHash] = send(QStringLiteral("refused.bin"));
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("cancel")}, {QStringLiteral("attachment"), refused}});
        QVERIFY(stateAt(ann, refused, "paused"));
        QCOMPARE(cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("cancel")}, {QStringLiteral("attachment"), refused}})
                     .value(QStringLiteral("attachment")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("failed"));
        // A chat message after the cancel: the sender's word of it came first on the link. Bob's
        // row keeps the reason he gave it; then his new request is what is refused.
        cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("body"), QStringLiteral("after")}});
        QVERIFY(!bob.waitFor([](const QJsonObject &e) {
                        return isEvent(e, "message_received") && e.value(QStringLiteral("message")).toObject().value(QStringLiteral("body")).toString() == u"after";
                    }).isEmpty());
        QVERIFY(bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_updated") && attachmentOf(e).value(QStringLiteral("id")) == refused
                                                               && attachmentOf(e).value(QStringLiteral("error")).toString() != u"cancelled"; }, 1).isEmpty());
        bob.forgetEvents();
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), refused}});
        const QJsonObject gone = ended(bob, refused, 20000);
        QCOMPARE(gone.value(QStringLiteral("state")).toString(), QStringLiteral("failed"));
        QCOMPARE(gone.value(QStringLiteral("error")).toString(), QStringLiteral("the sender no longer offers this file"));
        ann.quit();
        bob.quit();
    }

    // Twelve files asked for at once: a receiver pulls at most 8 at a time from one sender
    // (and a sender serves no more), the others wait their turn and start as those end —
    // all twelve arrive whole.
    void moreFilesThanThePerPeerCapAllArrive()
    {
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        QStringList ids;
        QHash<QString, QByteArray> hashes;
        for (int i = 0; i < 12; ++i) {
            const QString source = tmp.filePath(QStringLiteral("batch-%1.bin").arg(i));
            const QByteArray hash = writeFile(source, 3 * crypto::ChunkSealer::ChunkSize + 1000 * i);
            const QString id = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), source}})
                                   .value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
            QVERIFY(!id.isEmpty());
            ids.append(id);
            hashes.insert(id, hash);
        }
        for (const QString &id : std::as_const(ids))
            QVERIFY(!bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; }).isEmpty());
        for (const QString &id : std::as_const(ids))
            cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        for (const QString &id : std::as_const(ids)) {
            QCOMPARE(ended(bob, id, 30000).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
            const QString copy = tmp.filePath(QStringLiteral("batch-copy-%1.bin").arg(id));
            cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id}, {QStringLiteral("path"), copy}});
            QCOMPARE(sha256Of(copy), hashes.value(id));
        }
        ann.quit();
        bob.quit();
    }

    // The receiver's profile on a small tmpfs: a file that does not fit (with the margin)
    // pauses with a reason instead of filling the disk, and goes on by itself once the
    // file system has room again.
    void aFullDiskPausesAndResumes()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        const QString mountPoint = tmp.filePath(QStringLiteral("small"));
        QVERIFY(mountSmallDisk(mountPoint));
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint}); });
        const qint64 size = 12 * 1000 * 1000;
        const QString source = tmp.filePath(QStringLiteral("archive.tar"));
        const QByteArray hash = writeFile(source, size);
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), mountPoint + QStringLiteral("/bob"), noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        const QString id = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), source}})
                               .value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; }).isEmpty());
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        const QJsonObject paused = attachmentOf(bob.waitFor([&](const QJsonObject &e) {
            return isEvent(e, "message_updated") && attachmentOf(e).value(QStringLiteral("id")) == id
                && attachmentOf(e).value(QStringLiteral("state")) == QLatin1String("paused");
        }));
        QVERIFY2(paused.value(QStringLiteral("error")).toString().contains(QLatin1String("disk space")), qPrintable(paused.value(QStringLiteral("error")).toString()));
        QCOMPARE(qint64(paused.value(QStringLiteral("bytes_done")).toDouble()), 0);
        // Room again: it goes on without being asked.
        QCOMPARE(QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-o"), QStringLiteral("remount,size=64m"), mountPoint}), 0);
        QCOMPARE(ended(bob, id, 30000).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        const QString copy = tmp.filePath(QStringLiteral("archive-copy.tar"));
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id}, {QStringLiteral("path"), copy}});
        QCOMPARE(sha256Of(copy), hash);
        ann.quit();
        bob.quit();
    }

    // The sender keeps an encrypted copy of what it sends: one that would not fit (with the
    // margin the history and the keys need) is refused at once with the figures, before any
    // message is made, instead of filling the disk part way.
    void aFileThatCannotBeKeptIsRefusedBeforeItIsSent()
    {
        if (::geteuid() != 0)
            QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        const QString mountPoint = tmp.filePath(QStringLiteral("small-sender"));
        QVERIFY(mountSmallDisk(mountPoint));
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), mountPoint}); });
        const QString source = tmp.filePath(QStringLiteral("footage.mov"));
        writeFile(source, 12 * 1000 * 1000);
        HeadlessNode ann(QStringLiteral("ann"), mountPoint + QStringLiteral("/ann"), noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        const QJsonObject refused = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), source}});
        QVERIFY2(isEvent(refused, "error"), qPrintable(QString::fromUtf8(QJsonDocument(refused).toJson(QJsonDocument::Compact))));
        QCOMPARE(refused.value(QStringLiteral("code")).toString(), QStringLiteral("storage"));
        QVERIFY2(refused.value(QStringLiteral("reason")).toString().contains(QLatin1String("not enough disk space")),
                 qPrintable(refused.value(QStringLiteral("reason")).toString()));
        QVERIFY(QDir(mountPoint + QStringLiteral("/ann/attachments")).entryList(QDir::Files).isEmpty());
        // A smaller one fits, and goes.
        const QString small = tmp.filePath(QStringLiteral("still.jpg"));
        const QByteArray hash = writeFile(small, 100 * 1000);
        const QString id = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), small}})
                               .value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(!bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; }).isEmpty());
        ann.quit();
        bob.quit();
    }

    // Any write error but a full disk would fail the same way again and again: the download
    // pauses with the system's reason and waits for the user, never for the disk timer
    // (which tries rows paused for space every few seconds), and goes on once asked.
    // A folder where the received copy goes stands for such an error (EISDIR): it fails
    // whatever the user running the test may do.
    void aWriteErrorOtherThanAFullDiskWaitsForTheUser()
    {
        const QString source = tmp.filePath(QStringLiteral("report.pdf"));
        const QByteArray hash = writeFile(source, 3 * crypto::ChunkSealer::ChunkSize + 500);
        HeadlessNode ann(QStringLiteral("ann"), {}, noDiscovery()), bob(QStringLiteral("bob"), {}, noDiscovery());
        QVERIFY(ann.start());
        QVERIFY(bob.start());
        QVERIFY(linked(ann, bob));
        const QString id = cmd(ann, {{QStringLiteral("cmd"), QStringLiteral("send_file")}, {QStringLiteral("peer"), bob.peer()}, {QStringLiteral("path"), source}})
                               .value(QStringLiteral("message")).toObject().value(QStringLiteral("attachment")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!bob.waitFor([&](const QJsonObject &e) { return isEvent(e, "message_received") && attachmentOf(e).value(QStringLiteral("id")) == id; }).isEmpty());
        const QString blocker = QDir(bob.profileDir()).filePath(QStringLiteral("attachments/%1.sealed").arg(id));
        QVERIFY(QDir().mkpath(blocker));
        QVERIFY(QFile(blocker + QStringLiteral("/keep")).open(QIODevice::WriteOnly));
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        const auto pausedNow = [&](const QJsonObject &e) {
            return isEvent(e, "message_updated") && attachmentOf(e).value(QStringLiteral("id")) == id
                && attachmentOf(e).value(QStringLiteral("state")) == QLatin1String("paused");
        };
        const QString reason = attachmentOf(bob.waitFor(pausedNow)).value(QStringLiteral("error")).toString();
        QVERIFY2(reason.endsWith(QLatin1String("; resume it to try again")), qPrintable(reason));
        QVERIFY2(reason.contains(QString::fromLocal8Bit(std::strerror(EISDIR))), qPrintable(reason)); // the system's reason, once
        QVERIFY2(!reason.contains(QLatin1String("space")), qPrintable(reason));
        // Past two turns of the disk timer (5 s), nothing was tried again by itself.
        bob.forgetEvents();
        const QJsonObject meanwhile = bob.waitFor(
            [&](const QJsonObject &e) {
                return (isEvent(e, "message_updated") && attachmentOf(e).value(QStringLiteral("id")) == id)
                    || (isEvent(e, "transfer_progress") && e.value(QStringLiteral("attachment")) == id);
            },
            11000);
        QVERIFY2(meanwhile.isEmpty(), qPrintable(QString::fromUtf8(QJsonDocument(meanwhile).toJson(QJsonDocument::Compact))));
        QVERIFY(QDir(blocker).removeRecursively());
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("download")}, {QStringLiteral("attachment"), id}});
        QCOMPARE(ended(bob, id, 30000).value(QStringLiteral("state")).toString(), QStringLiteral("done"));
        const QString copy = tmp.filePath(QStringLiteral("report-copy.pdf"));
        cmd(bob, {{QStringLiteral("cmd"), QStringLiteral("save_attachment")}, {QStringLiteral("attachment"), id}, {QStringLiteral("path"), copy}});
        QCOMPARE(sha256Of(copy), hash);
        ann.quit();
        bob.quit();
    }
};

QTEST_GUILESS_MAIN(TestAttachmentsLive)
#include "tst_attachments_live.moc"
