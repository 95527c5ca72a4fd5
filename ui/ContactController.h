// SPDX-License-Identifier: GPL-3.0-or-later
// ContactController is the contact page: the safety number (12 groups of 5 digits) and
// its QR code, marking the contact verified, and accepting a changed identity key.
#pragma once

#include "core/messenger/CoreThread.h"

#include <QObject>
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
    Q_INVOKABLE void reload();

Q_SIGNALS:
    void peerChanged();
    void changed();
    void trustChanged(const QString &peer);
    void failed(const QString &reason); // a change did not take: the window says so

private:
    messenger::CoreThread &m_core;
    QString m_peer;
    QString m_name;
    QString m_trust;
    QString m_safetyNumber;
    QString m_qrSource;
    QString m_errorText;
};

} // namespace sotto::ui
