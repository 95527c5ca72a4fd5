// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AttachmentController.h"

#include "ui/Animation.h"
#include "ui/ComposerController.h"
#include "ui/MessageModel.h"
#include "ui/PrivateFolder.h"
#include "ui/Thumbnailer.h"
#include "ui/UiLog.h"

#include "core/messenger/FileNames.h"
#include "core/messenger/Queries.h"
#include "core/messenger/Transfer.h"

#include <QClipboard>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPromise>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QtConcurrent>

#include <algorithm>
#include <limits>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace sotto::ui {
namespace {

const QString SizeLimitKey = QStringLiteral("attachments/sizeLimitMiB");
const QString AutoDownloadKey = QStringLiteral("attachments/autoDownloadImages");
const QString OpenName = QStringLiteral("open");
const QString PasteName = QStringLiteral("paste");

enum Command { Download, Pause, Cancel };

QString worded(const messenger::Error &error)
{
    switch (error.code) {
    case messenger::Errc::Blocked: return AttachmentController::tr("Not sent: you blocked this contact.");
    case messenger::Errc::InvalidInput: return AttachmentController::tr("Not sent: the file could not be read, or it is too large.");
    case messenger::Errc::NotAllowed: return AttachmentController::tr("Not sent: files cannot go to this conversation.");
    case messenger::Errc::Storage: return AttachmentController::tr("Not sent: there is not enough disk space to keep its encrypted copy.");
    default: return AttachmentController::tr("Not sent: something went wrong in Sotto (%1).").arg(int(error.code));
    }
}

// A file's plaintext written out through Transfer::saveAsync: the core thread only looks the
// file up and starts the job, the transfer's worker decrypts, hashes and writes (seconds for
// a large file, during which chat and transfers go on), and the future finishes once the
// file is there with the written path, or an error. `where(state)` runs on the core thread
// and names the path (or refuses). A lock that stops the node first cancels the future.
using SaveResult = std::expected<QString, QString>;
template <typename Where> messenger::CoreCall<SaveResult> saveOnWorker(messenger::CoreThread &core, const QByteArray &id, Where where)
{
    auto promise = std::make_shared<QPromise<SaveResult>>();
    promise->start();
    QFuture<SaveResult> future = promise->future();
    const auto finish = [promise](SaveResult result) {
        promise->addResult(std::move(result));
        promise->finish();
    };
    core.run([id, where = std::move(where), finish](messenger::CoreState &state) {
        messenger::Transfer *t = state.node ? state.node->transfer() : nullptr;
        if (!t) {
            finish(std::unexpected(QStringLiteral("locked")));
            return;
        }
        const SaveResult path = where(state);
        if (!path) {
            finish(path);
            return;
        }
        t->saveAsync(id, *path, [finish, path = *path](const std::expected<void, messenger::Error> &saved) {
            if (saved)
                finish(path);
            else
                finish(std::unexpected(saved.error().reason));
        });
    });
    return messenger::CoreCall<SaveResult>(std::move(future));
}

} // namespace

AttachmentController::AttachmentController(messenger::CoreThread &core, MessageModel &messages, ComposerController &composer,
                                           QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_messages(messages)
    , m_composer(composer)
{
    const QSettings settings;
    m_sizeLimitMiB = std::clamp(settings.value(SizeLimitKey, DefaultSizeLimitMiB).toInt(), 1, MaxSizeLimitMiB);
    m_autoDownloadImages = settings.value(AutoDownloadKey, true).toBool();
    // What a crashed Sotto left: plaintext must not wait there for the next reboot.
    PrivateFolder::sweepStale(OpenName);
    PrivateFolder::sweepStale(PasteName);
    // The tray shown is the open conversation's.
    connect(&m_messages, &MessageModel::conversationChanged, this, &AttachmentController::stagedChanged);
    // A contact merged into its new key: its conversation is gone, its history is in the
    // new one, and so is what waited in its tray (else unreachable, a pasted image's
    // plaintext kept until the lock), for the new key. So do files still queued for it.
    connect(&m_core, &messenger::CoreThread::contactMerged, this,
            [this](const protocol::PeerId &previous, const protocol::PeerId &peer, qint64 into, qint64 gone) {
                for (Pending &p : m_queue)
                    if (!p.group && p.to == previous)
                        p.to = peer;
                std::vector<Pending> files = m_staged.take(gone);
                if (files.empty() || !into)
                    return;
                for (Pending &p : files)
                    p.to = peer;
                std::vector<Pending> &tray = m_staged[into];
                tray.insert(tray.begin(), std::make_move_iterator(files.begin()), std::make_move_iterator(files.end())); // staged first
                if (into == m_messages.conversationId())
                    Q_EMIT stagedChanged();
            });
    // An opened file's plaintext goes with its attachment: a message deleted (for me or for
    // everyone), gone with its timer or with a deleted request takes its private copy along
    // now, not at the next lock.
    connect(&m_core, &messenger::CoreThread::messageRemoved, this, [this](const storage::MessageRecord &m) {
        if (m.kind == storage::MessageKind::Attachment)
            sweepPrivateCopies();
    });
    connect(&m_core, &messenger::CoreThread::messageUpdated, this, [this](const storage::MessageRecord &m) {
        if (m.deleted && m.kind == storage::MessageKind::Attachment)
            sweepPrivateCopies();
    });
    connect(&m_core, &messenger::CoreThread::contactChanged, this, [this] { sweepPrivateCopies(); });
    // A group we left (or were taken out of) has no composer any more: what waited in its
    // tray goes, a pasted image's plaintext with it (else kept unreachable until the lock).
    // Files already queued are refused by the core, with a word each.
    connect(&m_core, &messenger::CoreThread::groupUpdated, this, [this](qint64 conversation) {
        if (!m_staged.contains(conversation))
            return;
        m_core
            .run([conversation](messenger::CoreState &state) {
                if (!state.node)
                    return true; // locked: the lock clears every tray
                const std::optional<messenger::ConversationInfo> info = messenger::Queries(*state.node).conversation(conversation);
                return info && info->group && info->member;
            })
            .then(this, [this, conversation, generation = m_generation](bool member) {
                if (member || generation != m_generation)
                    return;
                for (const Pending &p : m_staged.take(conversation))
                    if (p.temporary)
                        QFile::remove(p.path);
                if (conversation == m_messages.conversationId())
                    Q_EMIT stagedChanged();
            });
    });
}

AttachmentController::~AttachmentController() { clear(); }

void AttachmentController::setSizeLimitMiB(int mib)
{
    mib = std::clamp(mib, 1, MaxSizeLimitMiB);
    if (mib == m_sizeLimitMiB)
        return;
    m_sizeLimitMiB = mib;
    QSettings().setValue(SizeLimitKey, mib);
    Q_EMIT settingsChanged();
}

void AttachmentController::setAutoDownloadImages(bool on)
{
    if (on == m_autoDownloadImages)
        return;
    m_autoDownloadImages = on;
    QSettings().setValue(AutoDownloadKey, on);
    applySettings();
    Q_EMIT settingsChanged();
}

void AttachmentController::applySettings()
{
    m_core.run([on = m_autoDownloadImages](messenger::CoreState &state) {
        if (state.node && state.node->transfer())
            state.node->transfer()->setAutoDownloadImages(on);
    });
}

void AttachmentController::stageUrls(const QList<QUrl> &urls)
{
    if (!m_messages.conversationId() || urls.isEmpty())
        return;
    const quint64 limit = quint64(m_sizeLimitMiB) * 1024 * 1024;
    std::vector<Pending> files;
    // Each file keeps the conversation it was picked for (its peer, or its group: sealed
    // once, every member pulls it).
    const protocol::PeerId to = protocol::PeerId::fromString(m_messages.peer());
    const std::int64_t group = m_messages.isGroup() ? m_messages.conversationId() : 0;
    for (const QUrl &url : urls) {
        const QFileInfo info(url.toLocalFile());
        if (!url.isLocalFile() || !info.isFile() || !info.isReadable()) {
            Q_EMIT failed(tr("“%1” is not a file Sotto can read. Nothing was added.").arg(info.fileName().isEmpty() ? url.fileName() : info.fileName()));
            return;
        }
        if (quint64(info.size()) > limit) {
            Q_EMIT failed(tr("“%1” is %2, larger than the limit of %3 set in Settings. Nothing was added.")
                              .arg(info.fileName(), MessageModel::sizeText(quint64(info.size())), MessageModel::sizeText(limit)));
            return;
        }
        // Previewed as an image by its name (nothing read here: a slow mount must not freeze
        // the window); the tray shows the file's card if it does not decode.
        const bool image = QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension).name().startsWith(QLatin1String("image/"));
        files.push_back({info.absoluteFilePath(), {}, to, group, false, image, info.size()});
    }
    for (Pending &file : files)
        stage(m_messages.conversationId(), std::move(file));
}

void AttachmentController::stage(std::int64_t conversation, Pending file)
{
    m_staged[conversation].push_back(std::move(file));
    if (conversation == m_messages.conversationId())
        Q_EMIT stagedChanged();
}

QVariantList AttachmentController::staged() const
{
    QVariantList out;
    for (const Pending &p : m_staged.value(m_messages.conversationId()))
        out.push_back(QVariantMap{{QStringLiteral("name"), QFileInfo(p.path).fileName()},
                                  {QStringLiteral("size"), MessageModel::sizeText(quint64(p.size))},
                                  {QStringLiteral("image"), p.image},
                                  {QStringLiteral("url"), QUrl::fromLocalFile(p.path)}});
    return out;
}

void AttachmentController::unstage(int index)
{
    auto it = m_staged.find(m_messages.conversationId());
    if (it == m_staged.end() || index < 0 || std::size_t(index) >= it->size())
        return;
    if ((*it)[std::size_t(index)].temporary)
        QFile::remove((*it)[std::size_t(index)].path);
    it->erase(it->begin() + index);
    if (it->empty())
        m_staged.erase(it);
    Q_EMIT stagedChanged();
}

bool AttachmentController::sendStaged()
{
    const auto tray = m_staged.constFind(m_messages.conversationId());
    if (tray == m_staged.cend())
        return false;
    // Checked again now (a file may have gone or grown while it waited), before the text is
    // taken from the composer: a refusal keeps the tray and the text as they are.
    const quint64 limit = quint64(m_sizeLimitMiB) * 1024 * 1024;
    for (const Pending &p : *tray) {
        const QFileInfo info(p.path);
        if (!info.isFile() || !info.isReadable()) {
            Q_EMIT failed(tr("“%1” is no longer there. Take it out of the files to send.").arg(info.fileName()));
            return false;
        }
        if (quint64(info.size()) > limit) {
            Q_EMIT failed(tr("“%1” is %2, larger than the limit of %3 set in Settings. Nothing was sent.")
                              .arg(info.fileName(), MessageModel::sizeText(quint64(info.size())), MessageModel::sizeText(limit)));
            return false;
        }
    }
    if (m_composer.text().trimmed().toUtf8().size() > messenger::Messenger::MaxBodyBytes) {
        Q_EMIT failed(tr("The text is too long to go with the files. Nothing was sent."));
        return false;
    }
    std::vector<Pending> files = m_staged.take(m_messages.conversationId());
    Q_EMIT stagedChanged();
    // The files go as they are, not as a reply: the reply banner goes with them.
    m_composer.cancel();
    files.back().caption = m_composer.takeCaption();
    for (Pending &file : files)
        m_queue.push_back(std::move(file));
    Q_EMIT preparingChanged();
    sendNext();
    return true;
}

bool AttachmentController::paste()
{
    const QMimeData *data = QGuiApplication::clipboard()->mimeData();
    if (!data || !m_messages.conversationId())
        return false;
    // Copied files (a file manager also puts their paths as text: the files are meant).
    if (data->hasUrls()) {
        const QList<QUrl> urls = data->urls();
        if (!urls.isEmpty() && std::all_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); })) {
            stageUrls(urls);
            return true;
        }
    }
    if (!data->hasImage() || (data->hasText() && !data->text().isEmpty()))
        return false;
    const QImage image = qvariant_cast<QImage>(data->imageData());
    if (image.isNull())
        return false;
    const QString folder = PrivateFolder::path(PasteName);
    if (folder.isEmpty()) {
        Q_EMIT failed(tr("The image could not be pasted: Sotto has no private folder to write it to."));
        return true;
    }
    const QString name = QStringLiteral("image-%1.png").arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    const QString path = QDir(folder).filePath(name);
    const quint64 generation = m_generation;
    const quint64 limit = quint64(m_sizeLimitMiB) * 1024 * 1024;
    const protocol::PeerId to = protocol::PeerId::fromString(m_messages.peer());
    const std::int64_t group = m_messages.isGroup() ? m_messages.conversationId() : 0;
    const std::int64_t conversation = m_messages.conversationId();
    ++m_busyPasting;
    Q_EMIT preparingChanged();
    // A screenshot takes a moment to encode: not on the GUI thread. Owner-only from the start.
    messenger::whenReady(QtConcurrent::run([image, path] {
                             QFile file(path);
                             if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
                                 || !image.save(&file, "PNG")) {
                                 file.remove();
                                 return qint64(-1);
                             }
                             return file.size();
                         }),
                         this, [this, path, generation, limit, to, group, conversation](qint64 size) {
                             --m_busyPasting;
                             Q_EMIT preparingChanged();
                             if (generation != m_generation) {
                                 QFile::remove(path);
                                 return;
                             }
                             if (size < 0) {
                                 Q_EMIT failed(tr("The image could not be pasted."));
                                 return;
                             }
                             if (quint64(size) > limit) {
                                 QFile::remove(path);
                                 Q_EMIT failed(tr("The pasted image is %1, larger than the limit of %2 set in Settings. Nothing was added.")
                                                   .arg(MessageModel::sizeText(quint64(size)), MessageModel::sizeText(limit)));
                                 return;
                             }
                             stage(conversation, {path, {}, to, group, true, true, size});
                         });
    return true;
}

void AttachmentController::sendNext()
{
    if (m_busy || m_queue.empty())
        return;
    Pending p = m_queue.front();
    m_queue.pop_front();
    m_busy = true;
    const quint64 generation = m_generation;
    const protocol::PeerId to = p.to;
    // One at a time, in order: the sealing of a large file must not let a later small one
    // (with the caption) overtake it.
    messenger::whenReady(
        QtConcurrent::run([path = p.path] { return Thumbnailer::isImage(path) ? Thumbnailer::make(path) : QByteArray(); }), this,
        [this, p, to, generation](const QByteArray &thumbnail) {
            if (generation != m_generation) {
                if (p.temporary)
                    QFile::remove(p.path);
                return;
            }
            m_core.run([this, p, to, thumbnail, generation](messenger::CoreState &state) {
                const auto back = [this, p, generation](std::expected<storage::MessageRecord, messenger::Error> result) {
                    QMetaObject::invokeMethod(this, [this, p, generation, result] {
                        if (p.temporary)
                            QFile::remove(p.path); // sealed (or refused): the plaintext copy goes
                        if (generation != m_generation)
                            return;
                        sent(p, result);
                    }, Qt::QueuedConnection);
                };
                if (!state.node) {
                    back(std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")}));
                    return;
                }
                if (p.group)
                    state.node->sendGroupFile(p.group, p.path, p.caption, back, thumbnail);
                else
                    state.node->sendFile(to, p.path, p.caption, back, thumbnail);
            });
        });
}

void AttachmentController::sent(const Pending &p, const std::expected<storage::MessageRecord, messenger::Error> &result)
{
    Q_UNUSED(p);
    m_busy = false;
    if (result)
        m_messages.addSent(*result);
    else
        Q_EMIT failed(worded(result.error()));
    Q_EMIT preparingChanged();
    sendNext();
}

void AttachmentController::command(const QString &fileId, int which)
{
    const QByteArray id = QByteArray::fromHex(fileId.toLatin1());
    if (id.size() != 16)
        return;
    m_core.run([id, which](messenger::CoreState &state) -> std::expected<storage::AttachmentRecord, messenger::Error> {
              messenger::Transfer *t = state.node ? state.node->transfer() : nullptr;
              if (!t)
                  return std::unexpected(messenger::Error{messenger::Errc::Internal, QStringLiteral("locked")});
              return which == Download ? t->download(id) : which == Pause ? t->pause(id) : t->cancel(id);
          })
        .then(this, [this](const std::expected<storage::AttachmentRecord, messenger::Error> &result) {
            if (!result) {
                Q_EMIT failed(tr("That file cannot be changed now."));
                return;
            }
            m_messages.refreshRow(result->messageId);
        });
}

void AttachmentController::download(const QString &fileId) { command(fileId, Download); }
void AttachmentController::pause(const QString &fileId) { command(fileId, Pause); }
void AttachmentController::cancel(const QString &fileId) { command(fileId, Cancel); }

void AttachmentController::exportToPrivate(const QString &fileId, std::function<void(const QString &)> then, Purpose purpose)
{
    const QByteArray id = QByteArray::fromHex(fileId.toLatin1());
    if (id.size() != 16)
        return;
    const bool quiet = purpose == Purpose::Bubble;
    if (!quiet)
        m_asked.insert(id);
    const qint64 maxBytes = quiet ? Animation::Inline.maxBytes : std::numeric_limits<qint64>::max();
    const QString folder = PrivateFolder::path(OpenName);
    if (folder.isEmpty()) {
        if (!quiet)
            Q_EMIT failed(tr("Sotto has no private folder to open files from here."));
        return;
    }
    m_openFolder = folder;
    // The core thread finds the file and its name (it owns the keys); the worker decrypts,
    // checks the hash and writes (saveOnWorker).
    saveOnWorker(m_core, id,
                 [id, folder, maxBytes](messenger::CoreState &state) -> SaveResult {
                     const std::optional<storage::AttachmentRecord> a = messenger::Queries(*state.node).attachment(id);
                     // Ours is whole from the start (sealed before it was sent); theirs once verified.
                     if (!a || (!a->outgoing && a->state != storage::AttachmentState::Done))
                         return std::unexpected(QStringLiteral("not here"));
                     if (a->size > std::uint64_t(maxBytes))
                         return std::unexpected(QStringLiteral("too large"));
                     // A folder per file: two files of one name never overwrite each other.
                     const QString dir = QDir(folder).filePath(QString::fromLatin1(id.toHex()));
                     if (::mkdir(QFile::encodeName(dir).constData(), 0700) != 0 && errno != EEXIST)
                         return std::unexpected(QStringLiteral("no folder"));
                     // Written again each time (what Open handed out may have been changed), to a
                     // temporary renamed over it: a bubble or the viewer reading the copy at that
                     // moment reads the old one or the new one, whole, never a missing file.
                     const QString path = QDir(dir).filePath(PrivateFolder::safeName(messenger::safeFileName(a->name)));
                     // Renamed over a file, never written through a link left in its place.
                     struct stat st {};
                     if (::lstat(QFile::encodeName(path).constData(), &st) == 0 && !S_ISREG(st.st_mode))
                         ::unlink(QFile::encodeName(path).constData());
                     return path;
                 })
        .then(this, [this, id, fileId, quiet, generation = m_generation, then = std::move(then)](const std::expected<QString, QString> &path) {
            if (generation != m_generation) {
                // Locked (the folder wiped) while the copy was written: it goes, unopened.
                if (path)
                    QFile::remove(*path);
                return;
            }
            if (!path) {
                if (!quiet)
                    Q_EMIT failed(tr("The file could not be opened: it is not all here yet, or it did not match what was sent."));
                else
                    m_exporting.remove(fileId); // the next bubble to show it asks again
                return;
            }
            QFile::setPermissions(*path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            m_exported.insert(id);
            then(*path);
            sweepPrivateCopies(); // its message may have gone while it was written
        });
}

void AttachmentController::sweepPrivateCopies()
{
    if (m_exported.isEmpty() || m_openFolder.isEmpty())
        return;
    m_core
        .run([ids = m_exported](messenger::CoreState &state) {
            QSet<QByteArray> gone;
            if (!state.node)
                return gone; // locked: the lock wipes them all
            messenger::Queries queries(*state.node);
            for (const QByteArray &id : ids)
                if (!queries.attachment(id))
                    gone.insert(id);
            return gone;
        })
        .then(this, [this, generation = m_generation](const QSet<QByteArray> &gone) {
            if (generation != m_generation)
                return; // wiped meanwhile
            for (const QByteArray &id : gone) {
                m_exported.remove(id);
                m_asked.remove(id);
                m_animations.remove(QString::fromLatin1(id.toHex()));
                m_exporting.remove(QString::fromLatin1(id.toHex()));
                QDir(QDir(m_openFolder).filePath(QString::fromLatin1(id.toHex()))).removeRecursively();
            }
        });
}

void AttachmentController::open(const QString &fileId)
{
    // The name is checked before anything is written: a program is never put where a
    // click starts it.
    const QByteArray id = QByteArray::fromHex(fileId.toLatin1());
    m_core.run([id](messenger::CoreState &state) {
              std::optional<storage::AttachmentRecord> a;
              if (state.node && id.size() == 16)
                  a = messenger::Queries(*state.node).attachment(id);
              return a ? messenger::safeFileName(a->name) : QString();
          })
        .then(this, [this, fileId](const QString &name) {
            const auto refuse = [this] {
                Q_EMIT failed(tr("Sotto does not open programs or scripts it received. Use Save as… and open it yourself "
                                 "if you trust it."));
            };
            if (!PrivateFolder::mayOpenByName(PrivateFolder::safeName(name))) {
                refuse();
                return;
            }
            exportToPrivate(fileId, [this, refuse](const QString &path) {
                if (!PrivateFolder::mayOpenFile(path)) {
                    QFile::remove(path); // a program in a picture's name: never left where a click starts it
                    refuse();
                    return;
                }
                if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
                    Q_EMIT failed(tr("No program here opens this kind of file. Use Save as… instead."));
            });
        });
}

void AttachmentController::view(const QString &fileId)
{
    exportToPrivate(fileId, [this, fileId](const QString &path) {
        const quint64 generation = m_generation;
        messenger::whenReady(QtConcurrent::run([path] { return Animation::playable(path); }), this,
                             [this, fileId, path, generation](bool animated) {
                                 if (generation == m_generation) // not after a lock wiped the copy
                                     Q_EMIT viewReady(fileId, QUrl::fromLocalFile(path), animated);
                             });
    });
}

void AttachmentController::animate(const QString &fileId)
{
    ++m_bubbles[fileId];
    if (m_exporting.contains(fileId))
        return; // being written and checked now: its answer comes
    if (const auto known = m_animations.constFind(fileId); known != m_animations.cend()) {
        Q_EMIT animationReady(fileId, *known); // found before (empty: shows still)
        return;
    }
    m_exporting.insert(fileId);
    exportToPrivate(
        fileId,
        [this, fileId](const QString &path) {
            const quint64 generation = m_generation;
            messenger::whenReady(QtConcurrent::run([path] { return Animation::playable(path, Animation::Inline); }), this,
                                 [this, fileId, path, generation](bool animated) {
                                     if (generation != m_generation || !m_exporting.remove(fileId))
                                         return; // a lock wiped the copy, or its message went (and its copy)
                                     const bool shown = m_bubbles.value(fileId) > 0;
                                     if (!animated || !shown) {
                                         // Shows still, or no bubble shows it any more: no plaintext kept for
                                         // it. "Still" is remembered; otherwise the next bubble asks again.
                                         dropBubbleCopy(fileId);
                                         if (!animated) {
                                             m_animations.insert(fileId, QUrl());
                                             Q_EMIT animationReady(fileId, QUrl());
                                         }
                                         return;
                                     }
                                     const QUrl url = QUrl::fromLocalFile(path);
                                     m_animations.insert(fileId, url);
                                     Q_EMIT animationReady(fileId, url);
                                 });
        },
        Purpose::Bubble);
}

void AttachmentController::release(const QString &fileId)
{
    const auto it = m_bubbles.find(fileId);
    if (it == m_bubbles.end() || --*it > 0)
        return;
    m_bubbles.erase(it);
    // The last bubble playing it went (scrolled away, another conversation): its copy goes
    // too, after a moment, so scrolling back and forth does not decrypt it again each time.
    // One still being written is dropped when it is (animate).
    QTimer::singleShot(BubbleGraceMs, this, [this, fileId, generation = m_generation] {
        if (generation != m_generation || m_bubbles.value(fileId) > 0)
            return; // wiped by a lock, or shown again meanwhile
        if (const auto known = m_animations.constFind(fileId); known != m_animations.cend() && !known->isEmpty()) {
            dropBubbleCopy(fileId);
            m_animations.remove(fileId);
        }
    });
}

void AttachmentController::dropBubbleCopy(const QString &fileId)
{
    const QByteArray id = QByteArray::fromHex(fileId.toLatin1());
    if (m_asked.contains(id) || m_openFolder.isEmpty())
        return; // the user opened it: kept until its message goes or the lock
    m_exported.remove(id);
    QDir(QDir(m_openFolder).filePath(fileId)).removeRecursively();
}

void AttachmentController::saveAs(const QString &fileId, const QUrl &to)
{
    const QByteArray id = QByteArray::fromHex(fileId.toLatin1());
    const QString path = to.toLocalFile();
    if (id.size() != 16 || path.isEmpty())
        return;
    saveOnWorker(m_core, id, [path](messenger::CoreState &) -> SaveResult { return path; })
        .then(this, [this, path](const SaveResult &ok) {
            if (ok)
                Q_EMIT saved(QFileInfo(path).fileName());
            else
                Q_EMIT failed(tr("The file could not be saved there."));
        });
}

QString AttachmentController::suggestedPath(const QString &name) const
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return QDir(folder).filePath(PrivateFolder::safeName(name));
}

void AttachmentController::pickFiles()
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new QFileDialog(nullptr, tr("Send files"));
    m_dialog->setObjectName(QStringLiteral("filePicker"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setFileMode(QFileDialog::ExistingFiles);
    m_dialog->setWindowModality(Qt::ApplicationModal);
    connect(m_dialog, &QFileDialog::urlsSelected, this, &AttachmentController::stageUrls);
    m_dialog->open();
}

void AttachmentController::pickSaveLocation(const QString &fileId, const QString &name)
{
    if (m_dialog)
        m_dialog->close();
    m_dialog = new QFileDialog(nullptr, tr("Save as"), suggestedPath(name));
    m_dialog->setObjectName(QStringLiteral("saveDialog"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setAcceptMode(QFileDialog::AcceptSave);
    m_dialog->setFileMode(QFileDialog::AnyFile);
    m_dialog->setWindowModality(Qt::ApplicationModal);
    connect(m_dialog, &QFileDialog::urlSelected, this, [this, fileId](const QUrl &url) { saveAs(fileId, url); });
    m_dialog->open();
}

void AttachmentController::clear()
{
    ++m_generation;
    for (const Pending &p : m_queue)
        if (p.temporary)
            QFile::remove(p.path);
    m_queue.clear();
    for (const std::vector<Pending> &tray : std::as_const(m_staged))
        for (const Pending &p : tray)
            if (p.temporary)
                QFile::remove(p.path);
    m_staged.clear();
    Q_EMIT stagedChanged();
    m_busy = false;
    PrivateFolder::wipe(OpenName);
    PrivateFolder::wipe(PasteName);
    m_openFolder.clear();
    m_exported.clear();
    m_animations.clear();
    m_asked.clear();
    m_bubbles.clear();
    m_exporting.clear();
    if (m_dialog)
        m_dialog->close(); // a dialog from before the lock acts on nothing after it
    Q_EMIT preparingChanged();
}

} // namespace sotto::ui
