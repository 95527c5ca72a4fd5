// SPDX-License-Identifier: GPL-3.0-or-later
// GroupController is what the New group dialog and a group's info panel do: make a group
// from contacts, and show one group's members and change it (rename, add, remove, make
// admin, leave) through Node on the core thread. The core's refusals come back as words.
#pragma once

#include "core/messenger/CoreThread.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>

namespace sotto::ui {

class GroupController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    // Contacts a group may take: accepted and not blocked; [{peer, name}], by name.
    Q_PROPERTY(QVariantList contacts READ contacts NOTIFY contactsChanged)
    // The group shown (0: none) and what its info panel lists: [{peer, name, admin, self}].
    Q_PROPERTY(qint64 conversationId READ conversationId NOTIFY groupChanged)
    Q_PROPERTY(QString name READ name NOTIFY groupChanged)
    Q_PROPERTY(QVariantList members READ members NOTIFY groupChanged)
    Q_PROPERTY(bool admin READ admin NOTIFY groupChanged)   // we may change it
    Q_PROPERTY(bool member READ member NOTIFY groupChanged) // we are still in it
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)
    // Our group message's receipts, asked for by loadReceipts: "Delivered to 3 of 5 · read
    // by 2" and a line per member; receiptsRow names the message they are for.
    Q_PROPERTY(QString receipts READ receipts NOTIFY receiptsChanged)
    Q_PROPERTY(qint64 receiptsRow READ receiptsRow NOTIFY receiptsChanged)

public:
    GroupController(messenger::CoreThread &core, QObject *parent = nullptr);

    QVariantList contacts() const { return m_contacts; }
    qint64 conversationId() const { return m_conversation; }
    QString name() const { return m_name; }
    QVariantList members() const { return m_members; }
    bool admin() const { return m_admin; }
    bool member() const { return m_member; }
    bool busy() const { return m_busy; }
    QString errorText() const { return m_errorText; }

    Q_INVOKABLE void loadContacts();
    // Makes a group of us (its admin) and `peers`; created() brings its conversation.
    Q_INVOKABLE void create(const QString &name, const QStringList &peers);
    // Shows this group (0: none) and follows its changes.
    Q_INVOKABLE void load(qint64 conversationId);
    Q_INVOKABLE void rename(const QString &name);
    Q_INVOKABLE void addMembers(const QStringList &peers);
    Q_INVOKABLE void removeMember(const QString &peer);
    Q_INVOKABLE void setAdmin(const QString &peer, bool admin);
    Q_INVOKABLE void leave();
    Q_INVOKABLE void clearError();
    Q_INVOKABLE void loadReceipts(qint64 rowId);
    QString receipts() const { return m_receipts; }
    qint64 receiptsRow() const { return m_receiptsRow; }
    void clear(); // on lock

Q_SIGNALS:
    void contactsChanged();
    void groupChanged();
    void busyChanged();
    void errorTextChanged();
    void receiptsChanged();
    void created(qint64 conversationId);
    void changed(); // a change the user asked for was made (the dialog may close)

private:
    using Change = std::function<std::expected<messenger::GroupState, messenger::Error>(messenger::Messenger &,
                                                                                         std::vector<protocol::PeerId> *)>;
    void change(Change call);
    void setBusy(bool busy);
    void setError(const QString &text);
    QString worded(const messenger::Error &error) const;

    messenger::CoreThread &m_core;
    QVariantList m_contacts;
    qint64 m_conversation = 0;
    QString m_name;
    QVariantList m_members;
    bool m_admin = false;
    bool m_member = false;
    bool m_busy = false;
    QString m_errorText;
    QString m_receipts;
    qint64 m_receiptsRow = 0;
    quint64 m_generation = 0; // drops a read for a group no longer shown
};

} // namespace sotto::ui
