// SPDX-License-Identifier: GPL-3.0-or-later
// DemoPeer lets someone alone on their LAN try Sotto: it starts a second Sotto in headless
// mode with a profile of its own (its folder under ours, its passphrase random and kept in
// a 0600 file there: it guards nothing but the demo's chatter), links it to us over
// loopback and answers what we write. It is a real peer: real process, TLS link, X3DH.
#pragma once

#include <QObject>
#include <QProcess>

namespace sotto::ui {

class DemoPeer : public QObject {
    Q_OBJECT
public:
    DemoPeer(QString program, QString directory, QObject *parent = nullptr);
    ~DemoPeer() override;

    void start();
    void stop();
    QString peerId() const { return m_peer; }

Q_SIGNALS:
    void ready(const QString &address); // "127.0.0.1:PORT": add it as a peer
    void failed(const QString &reason);

private:
    void readEvents();
    void handle(const QJsonObject &event);
    void command(const QJsonObject &command);
    QString reply(const QString &text);

    QString m_program;
    QString m_directory;
    QProcess m_process;
    QByteArray m_buffer;
    QString m_peer;
    bool m_greet = false;
    bool m_stopping = false;
    bool m_greeted = false;
    int m_answers = 0;
};

} // namespace sotto::ui
