// SPDX-License-Identifier: GPL-3.0-or-later
// SearchModel lists full-text hits across all conversations (newest first) with the words
// around each match; choosing one opens its conversation at that message. Hits come in
// pages: a view that scrolls to the last one asks for the next (fetchMore).
#pragma once

#include "core/messenger/CoreThread.h"
#include "core/messenger/Queries.h"

#include <QAbstractListModel>
#include <QFuture>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace sotto::ui {

struct SearchRow {
    qint64 rowId = 0;
    qint64 conversationId = 0;
    QString peer;
    QString name;
    QString snippet; // rich text: escaped, matches in <b>
    qint64 sentAt = 0;
};

class SearchModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by the application")
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged) // results for the current query not in yet

public:
    static constexpr int PageSize = 50;

    enum Role {
        RowIdRole = Qt::UserRole + 1, // the message's history row
        PeerRole,                     // its conversation's peer
        NameRole,                     // that peer's name
        SnippetRole,                  // context, matches in bold (escaped rich text)
        TimeRole,                     // date and time, as text
        ConversationIdRole,           // its conversation
    };
    Q_ENUM(Role)

    SearchModel(messenger::CoreThread &core, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QString query() const { return m_query; }
    void setQuery(const QString &query);
    Q_INVOKABLE void clear();
    Q_INVOKABLE void searchNow(); // skip the typing pause (Enter)
    // {"peer", "rowId"} of a hit, whether or not its delegate exists.
    Q_INVOKABLE QVariantMap hit(int row) const;
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void queryChanged();
    void busyChanged();
    void searched(); // results for the current query are in

private:
    void run();
    // Asks the core for the page of `query` below row `before` (all rows when 0).
    messenger::CoreCall<QList<SearchRow>> page(const QString &query, qint64 before);
    void setBusy(bool busy);

    messenger::CoreThread &m_core;
    QString m_query;
    QList<SearchRow> m_rows;
    QTimer m_debounce;
    quint64 m_generation = 0;
    bool m_busy = false;
    bool m_more = false;     // the last page was full: there may be older hits
    bool m_fetching = false; // a next page is on its way
};

// Match markers -> <b>...</b>, everything else HTML-escaped.
QString snippetToRichText(const QString &snippet);

} // namespace sotto::ui
