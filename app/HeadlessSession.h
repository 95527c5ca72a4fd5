// SPDX-License-Identifier: GPL-3.0-or-later
// The headless mode: the same core without a window, driven by JSON lines on stdin and
// answering with JSON lines on stdout. It owns the signal context, the profile and the
// messenger for one run. The passphrase comes from the environment or a file, never argv.
#pragma once

#include "core/crypto/SignalContext.h"
#include "core/messenger/Messenger.h"

#include <QJsonObject>
#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace sotto::app {

class HeadlessSession : public QObject {
    Q_OBJECT
public:
    HeadlessSession(QString profileDir, crypto::SecretBytes passphrase, bool fastKdf, QObject *parent = nullptr);

    void start();

private:
    void readCommands();
    QJsonObject handle(const QJsonObject &command);
    QJsonObject requireMessenger() const;
    void emitLine(const QJsonObject &object);

    QString m_profileDir;
    crypto::SecretBytes m_passphrase;
    bool m_fastKdf;
    crypto::SignalContext m_context;
    std::unique_ptr<storage::Profile> m_profile;
    std::unique_ptr<messenger::Messenger> m_messenger;
    QSocketNotifier *m_stdin = nullptr;
    QByteArray m_buffer;
};

} // namespace sotto::app
