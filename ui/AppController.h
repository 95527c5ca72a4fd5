// SPDX-License-Identifier: GPL-3.0-or-later
// AppController is the one object QML receives: it owns the core thread and the feature
// controllers and models of one window, and wires events between them (a lock clears every
// model; a received message refreshes the sidebar and may notify). QML holds no logic of
// its own beyond presentation.
#pragma once

#include "core/messenger/CoreThread.h"
#include "ui/AttachmentController.h"
#include "ui/ComposerController.h"
#include "ui/ContactController.h"
#include "ui/ConversationListModel.h"
#include "ui/DesktopController.h"
#include "ui/GroupController.h"
#include "ui/MessageModel.h"
#include "ui/SearchModel.h"
#include "ui/SessionController.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace sotto::ui {

class DemoPeer;
class TypingTracker;

struct AppOptions {
    QString profileDir;
    messenger::NodeOptions node;
    bool fastKdfForTests = false;
    bool dark = false; // the desktop prefers a dark look
    QString demoProgram; // non-empty: start a demo peer with this executable
    QString demoDir;
};

class AppController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    Q_PROPERTY(sotto::ui::SessionController *session READ session CONSTANT)
    Q_PROPERTY(sotto::ui::ConversationListModel *conversations READ conversations CONSTANT)
    Q_PROPERTY(sotto::ui::MessageModel *messages READ messages CONSTANT)
    Q_PROPERTY(sotto::ui::ComposerController *composer READ composer CONSTANT)
    Q_PROPERTY(sotto::ui::SearchModel *search READ search CONSTANT)
    Q_PROPERTY(sotto::ui::ContactController *contact READ contact CONSTANT)
    Q_PROPERTY(sotto::ui::DesktopController *desktop READ desktop CONSTANT)
    Q_PROPERTY(sotto::ui::GroupController *groups READ groups CONSTANT)
    Q_PROPERTY(sotto::ui::AttachmentController *attachments READ attachments CONSTANT)
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    // Who is typing in the open group ("Ann is typing…"); empty when no one is, or no group is open.
    Q_PROPERTY(QString groupTyping READ groupTyping NOTIFY groupTypingChanged)
    // Colours by palette role when the desktop prefers dark; empty for the platform's own.
    Q_PROPERTY(QVariantMap darkPalette READ darkPalette CONSTANT)

public:
    explicit AppController(AppOptions options, QObject *parent = nullptr);
    ~AppController() override;

    QString groupTyping() const;

    SessionController *session() { return m_session; }
    ConversationListModel *conversations() { return m_conversations; }
    MessageModel *messages() { return m_messages; }
    ComposerController *composer() { return m_composer; }
    SearchModel *search() { return m_search; }
    ContactController *contact() { return m_contact; }
    DesktopController *desktop() { return m_desktop; }
    GroupController *groups() { return m_groups; }
    AttachmentController *attachments() { return m_attachments; }
    messenger::CoreThread &core() { return *m_core; }
    QString notice() const { return m_notice; }
    QVariantMap darkPalette() const;

    Q_INVOKABLE void dismissNotice();

Q_SIGNALS:
    void noticeChanged();
    void groupTypingChanged();
    void showWindow();

private:
    void onUnlocked();
    void onLocked();
    void setNotice(const QString &text);

    AppOptions m_options;
    std::unique_ptr<messenger::CoreThread> m_core;
    SessionController *m_session;
    ConversationListModel *m_conversations;
    MessageModel *m_messages;
    ComposerController *m_composer;
    SearchModel *m_search;
    ContactController *m_contact;
    DesktopController *m_desktop;
    GroupController *m_groups;
    AttachmentController *m_attachments;
    DemoPeer *m_demo = nullptr;
    TypingTracker *m_typing;
    QString m_notice;
};

} // namespace sotto::ui
