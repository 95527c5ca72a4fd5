// SPDX-License-Identifier: GPL-3.0-or-later
// AttachmentController is the window's side of attachments: sending files (picker, drop,
// paste) to the open conversation with a thumbnail for images, the user's commands on a
// transfer (download, pause, cancel, retry) and getting a file out (Open, the image viewer,
// Save as…). Plaintext leaves the profile only into the private folder (PrivateFolder,
// wiped on lock and exit) or where the user saves it. Moving bytes is the core's Transfer.
#pragma once

#include "core/messenger/CoreThread.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <QFileDialog>
#include <QHash>
#include <QSet>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <deque>

namespace sotto::ui {

class ComposerController;
class MessageModel;

class AttachmentController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    // Files larger than this are refused when sent from the window (Settings; 4 GiB, the
    // most the core carries). In MiB for the settings field.
    Q_PROPERTY(int sizeLimitMiB READ sizeLimitMiB WRITE setSizeLimitMiB NOTIFY settingsChanged)
    // Received images (under 25 MB, from accepted contacts) download by themselves.
    Q_PROPERTY(bool autoDownloadImages READ autoDownloadImages WRITE setAutoDownloadImages NOTIFY settingsChanged)
    // Files being read, thumbnailed and sealed before their message appears.
    Q_PROPERTY(int preparing READ preparing NOTIFY preparingChanged)
    // A pasted image being written: it joins the tray in a moment (Send waits for it).
    Q_PROPERTY(bool pasting READ pasting NOTIFY preparingChanged)
    // The open conversation's files waiting for Send (the tray over the composer): each a
    // map of name, size (worded), image (bool) and url (for the preview).
    Q_PROPERTY(QVariantList staged READ staged NOTIFY stagedChanged)

public:
    static constexpr int MaxSizeLimitMiB = 4096; // Messenger::MaxAttachmentBytes
    static constexpr int DefaultSizeLimitMiB = 4096;
    static constexpr int BubbleGraceMs = 3000; // a released bubble copy stays this long for a bubble scrolled back

    AttachmentController(messenger::CoreThread &core, MessageModel &messages, ComposerController &composer,
                         QObject *parent = nullptr);
    ~AttachmentController() override;

    int sizeLimitMiB() const { return m_sizeLimitMiB; }
    void setSizeLimitMiB(int mib);
    bool autoDownloadImages() const { return m_autoDownloadImages; }
    void setAutoDownloadImages(bool on);
    int preparing() const { return int(m_queue.size()) + (m_busy ? 1 : 0) + m_busyPasting; }
    bool pasting() const { return m_busyPasting > 0; }

    // The desktop's file dialog (or Qt's own where it has none; the QML one needs a module
    // Debian splits off, and crashed without it): several files to send, or where to save
    // one. Both return at once; the choice comes back as stageUrls / saveAs.
    Q_INVOKABLE void pickFiles();
    Q_INVOKABLE void pickSaveLocation(const QString &fileId, const QString &name);

    // Files picked, dropped or pasted wait in the open conversation's tray until Send, as
    // in Signal: a paste or a drop never sends by itself (the wrong screenshot is taken back
    // with a click). Each conversation keeps its own tray while another is open.
    // Adds these local files, in order. Refused as a whole (nothing added) when one is not a
    // readable file or is over the size limit: failed() says which.
    Q_INVOKABLE void stageUrls(const QList<QUrl> &urls);
    // Ctrl+V: copied files are added, or an image (written as PNG to the private folder,
    // removed once sent or taken out). False when the clipboard holds neither: the text
    // field pastes.
    Q_INVOKABLE bool paste();
    QVariantList staged() const;
    Q_INVOKABLE void unstage(int index);
    // Sends the tray's files to the open conversation, in order; the composer's text is the
    // last one's caption (not a reply). False when the tray is empty, or nothing was sent
    // (a file gone or over the limit, the text too long: failed() says which; the tray and
    // the text stay).
    Q_INVOKABLE bool sendStaged();

    // A transfer, named by its file id (32 hex digits).
    Q_INVOKABLE void download(const QString &fileId); // also resume and retry
    Q_INVOKABLE void pause(const QString &fileId);
    Q_INVOKABLE void cancel(const QString &fileId);
    // The verified plaintext into the private folder, then the desktop opens it.
    Q_INVOKABLE void open(const QString &fileId);
    // The same copy, for the window's image viewer: viewReady brings its URL, and whether it
    // plays as an animation (Animation::playable).
    Q_INVOKABLE void view(const QString &fileId);
    // The same copy again, for a GIF or WebP playing inside its bubble, as Signal does:
    // animationReady brings its URL when it is modest enough for that (Animation::Inline),
    // an empty one when it shows still (its copy then goes at once), nothing if it cannot be
    // had now. Asked again as the chat scrolls, it answers from what it found the first time.
    Q_INVOKABLE void animate(const QString &fileId);
    // A bubble no longer shows it (each animate() is released once): the copy goes with the
    // last one (BubbleGraceMs later, if no bubble showed it again), unless the user opened it.
    Q_INVOKABLE void release(const QString &fileId);
    Q_INVOKABLE void saveAs(const QString &fileId, const QUrl &to);
    // Where a Save as… dialog starts (Downloads) and what it proposes there: the peer's
    // name made safe to use as a file name.
    QString suggestedPath(const QString &name) const;
    // This process's private folder for opened files ("" before the first Open).
    Q_INVOKABLE QString openFolder() const { return m_openFolder; }

    // A lock or the end: queued sends are dropped, pasted images and opened files wiped.
    void clear();
    // The node just started (unlock): it learns the download setting.
    void applySettings();

Q_SIGNALS:
    void settingsChanged();
    void preparingChanged();
    void stagedChanged();
    // Worded for the user: why nothing was sent, opened or saved.
    void failed(const QString &reason);
    void viewReady(const QString &fileId, const QUrl &url, bool animated);
    void animationReady(const QString &fileId, const QUrl &url);
    void saved(const QString &fileName);

private:
    struct Pending {
        QString path;
        QString caption;
        protocol::PeerId to;    // the conversation's peer when it was picked, whatever is open later
        std::int64_t group = 0; // or the group's conversation: sealed once, every member pulls it
        bool temporary = false; // a pasted image: removed once sealed (or refused, or taken out)
        bool image = false;     // staged: shows a preview
        qint64 size = 0;
    };
    void stage(std::int64_t conversation, Pending file);
    void sendNext();
    void sent(const Pending &p, const std::expected<storage::MessageRecord, messenger::Error> &result);
    // Writes the file's plaintext into the private folder, then `then(path)`.
    // For the user (Open, the viewer: a failure is said, the copy stays until its message
    // goes or the lock) or for a bubble (at most Animation::Inline.maxBytes, nothing said).
    enum class Purpose { User, Bubble };
    void exportToPrivate(const QString &fileId, std::function<void(const QString &)> then, Purpose purpose = Purpose::User);
    // Removes the private copies of attachments that are gone (deleted, expired).
    void sweepPrivateCopies();
    void dropBubbleCopy(const QString &fileId);
    void command(const QString &fileId, int which);

    messenger::CoreThread &m_core;
    MessageModel &m_messages;
    ComposerController &m_composer;
    std::deque<Pending> m_queue;
    QHash<std::int64_t, std::vector<Pending>> m_staged; // conversation id -> its tray
    bool m_busy = false;
    int m_busyPasting = 0;          // pasted images being written
    quint64 m_generation = 0;       // a lock drops what was in flight
    int m_sizeLimitMiB = DefaultSizeLimitMiB;
    bool m_autoDownloadImages = true;
    QString m_openFolder;
    QSet<QByteArray> m_exported;    // file ids with a copy in the private folder
    QSet<QByteArray> m_asked;       // of those, the ones the user opened or viewed
    QHash<QString, QUrl> m_animations; // file id -> its copy playing in a bubble, or empty: shows still
    QHash<QString, int> m_bubbles;  // file id -> bubbles showing it (animate, not yet released)
    QSet<QString> m_exporting;      // file ids whose bubble copy is being written and checked
    QPointer<QFileDialog> m_dialog; // at most one open at a time
};

} // namespace sotto::ui
