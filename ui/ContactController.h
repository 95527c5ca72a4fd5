// SPDX-License-Identifier: GPL-3.0-or-later
// ContactController is the contact page: the safety number (12 groups of 5 digits) and
// its QR code, marking the contact verified; and what the user decides about a contact from
// anywhere in the window: blocking and unblocking, accepting or deleting a message request.
#pragma once

#include "core/messenger/CoreThread.h"

#include <QObject>

#include <functional>
#include <QtQml/qqmlregistration.h>

namespace sotto::ui {

class ContactController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    Q_PROPERTY(QString peer READ peer WRITE setPeer NOTIFY peerChanged)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString trust READ trust NOTIFY changed)
    Q_PROPERTY(QString safetyNumber READ safetyNumber NOTIFY changed)
    Q_PROPERTY(QString qrSource READ qrSource NOTIFY changed)
    Q_PROPERTY(QString errorText READ errorText NOTIFY changed)

public:
    ContactController(messenger::CoreThread &core, QObject *parent = nullptr);

    QString peer() const { return m_peer; }
    void setPeer(const QString &peer);
    QString name() const { return m_name; }
    QString trust() const { return m_trust; }
    QString safetyNumber() const { return m_safetyNumber; }
    QString qrSource() const { return m_qrSource; }
    QString errorText() const { return m_errorText; }

    Q_INVOKABLE void setVerified(bool verified);
    // Named by peer (the chat's header and request bar act on the open conversation, which
    // need not be the contact page's).
    Q_INVOKABLE void setBlocked(const QString &peer, bool blocked);
    Q_INVOKABLE void acceptRequest(const QString &peer);
    Q_INVOKABLE void deleteRequest(const QString &peer);
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void peerChanged();
    void changed();
    void trustChanged(const QString &peer); // verified, blocked, unblocked or accepted
    void requestDeleted(const QString &peer); // its conversation is gone
    void failed(const QString &reason); // a change did not take: the window says so

private:
    // Runs `change` on the core thread, then reports a failure with `what` and reloads.
    void decide(const QString &peer, std::function<std::expected<void, messenger::Error>(messenger::Node &)> change, const QString &what,
                std::function<void()> done);

    messenger::CoreThread &m_core;
    QString m_peer;
    QString m_name;
    QString m_trust;
    QString m_safetyNumber;
    QString m_qrSource;
    QString m_errorText;
};

} // namespace sotto::ui
