// SPDX-License-Identifier: GPL-3.0-or-later
// SessionController is the QML face of the profile's life: first start (create), unlock,
// lock, passphrase change and display name. The Argon2id work runs on the core thread;
// `busy` is true meanwhile. Passphrases pass through as briefly as QML allows: copied into
// zeroing SecretBytes and the UTF-8 copy wiped (QML's own string cannot be wiped from here).
#pragma once

#include "core/messenger/CoreThread.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace sotto::ui {

class SessionController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // The field the error is about, so the page can focus it and clear the error when it
    // changes: "name", "passphrase", "repeat", or "" (not one field's fault).
    Q_PROPERTY(QString errorField READ errorField NOTIFY errorTextChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY profileChanged)
    Q_PROPERTY(QString peerId READ peerId NOTIFY profileChanged)
    Q_PROPERTY(int port READ port NOTIFY profileChanged)
    // "Visible to: only my contacts" (contacts-only beacons) instead of everyone on this network.
    Q_PROPERTY(bool visibleToContactsOnly READ visibleToContactsOnly WRITE setVisibleToContactsOnly NOTIFY profileChanged)

public:
    enum State { NoProfile, Locked, Unlocked };
    Q_ENUM(State)

    SessionController(messenger::CoreThread &core, QString profileDir, messenger::NodeOptions options, bool fastKdfForTests,
                      QObject *parent = nullptr);

    State state() const { return m_state; }
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }
    QString errorField() const { return m_errorField; }
    QString displayName() const { return m_displayName; }
    QString peerId() const { return m_peerId; }
    int port() const { return m_port; }
    bool visibleToContactsOnly() const { return m_visibleToContactsOnly; }
    void setVisibleToContactsOnly(bool contactsOnly);

    Q_INVOKABLE void create(const QString &name, const QString &passphrase, const QString &repeated);
    Q_INVOKABLE void unlock(const QString &passphrase);
    Q_INVOKABLE void lock();
    Q_INVOKABLE void changePassphrase(const QString &current, const QString &next, const QString &repeated);
    Q_INVOKABLE void setDisplayName(const QString &name);
    Q_INVOKABLE int strength(const QString &passphrase) const;
    Q_INVOKABLE QString strengthHint(const QString &passphrase) const;
    // Dials "host:port"; the host is an IP address or a computer's name (looked up first).
    // addPeerFinished tells the problem, or "" once the dial is under way.
    Q_INVOKABLE void addPeer(const QString &address);
    // The "address:port" texts a friend can type to add us (Settings).
    Q_INVOKABLE QStringList localAddresses() const;
    Q_INVOKABLE void clearError();

Q_SIGNALS:
    void stateChanged();
    void busyChanged();
    void errorTextChanged();
    void profileChanged();
    void unlocked();
    void locked();
    void passphraseChanged();
    void addPeerFinished(const QString &problem);

private:
    // Names are checked, never cut: the field takes any length and says what is wrong.
    static constexpr int MaxNameLength = 64;
    static QString nameProblem(const QString &trimmed);
    void open(const QString &name, const QString &passphrase);
    void setBusy(bool busy);
    void setError(const QString &text, const QString &field = {});
    void setState(State state);

    messenger::CoreThread &m_core;
    QString m_profileDir;
    messenger::NodeOptions m_options;
    bool m_fastKdf;
    State m_state;
    bool m_busy = false;
    QString m_errorText;
    QString m_errorField;
    QString m_displayName;
    QString m_peerId;
    int m_port = 0;
    bool m_visibleToContactsOnly = false;
};

} // namespace sotto::ui
