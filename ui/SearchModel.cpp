// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SearchModel.h"

#include <QDateTime>
#include <QLocale>

namespace sotto::ui {

QString snippetToRichText(const QString &snippet)
{
    // Escape first (message text is hostile input), then turn the match markers into bold.
    QString html = snippet.toHtmlEscaped();
    html.replace(storage::SnippetMatchStart, QStringLiteral("<b>"));
    html.replace(storage::SnippetMatchEnd, QStringLiteral("</b>"));
    return html;
}

SearchModel::SearchModel(messenger::CoreThread &core, QObject *parent)
    : QAbstractListModel(parent)
    , m_core(core)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(120); // search as one types, not on every key
    connect(&m_debounce, &QTimer::timeout, this, &SearchModel::run);
}

void SearchModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    Q_EMIT queryChanged();
    setBusy(true);
    m_debounce.start();
}

void SearchModel::searchNow()
{
    if (m_debounce.isActive()) {
        m_debounce.stop();
        run();
    }
}

QVariantMap SearchModel::hit(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return {{QStringLiteral("conversationId"), m_rows[row].conversationId},
            {QStringLiteral("peer"), m_rows[row].peer},
            {QStringLiteral("rowId"), m_rows[row].rowId}};
}

void SearchModel::setBusy(bool busy)
{
    if (busy != m_busy) {
        m_busy = busy;
        Q_EMIT busyChanged();
    }
}

void SearchModel::run()
{
    const quint64 generation = ++m_generation;
    const QString query = m_query.trimmed();
    if (query.isEmpty()) {
        beginResetModel();
        m_rows.clear();
        m_more = m_fetching = false;
        endResetModel();
        setBusy(false);
        Q_EMIT searched();
        return;
    }
    page(query, 0).then(this, [this, generation](const QList<SearchRow> &rows) {
        if (generation != m_generation)
            return;
        beginResetModel();
        m_rows = rows;
        m_more = rows.size() == PageSize;
        m_fetching = false;
        endResetModel();
        setBusy(false);
        Q_EMIT searched();
    });
}

messenger::CoreCall<QList<SearchRow>> SearchModel::page(const QString &query, qint64 before)
{
    return m_core.run([query, before](messenger::CoreState &state) {
        QList<SearchRow> rows;
        if (!state.node)
            return rows;
        for (const messenger::SearchResult &r :
             messenger::Queries(*state.node).search(query, PageSize, before > 0 ? std::optional<std::int64_t>(before) : std::nullopt))
            rows.append({r.hit.messageId, r.hit.conversationId, r.peer.toString(), r.name, snippetToRichText(r.hit.snippet), r.hit.sentAt});
        return rows;
    });
}

bool SearchModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more && !m_fetching && !m_rows.isEmpty();
}

void SearchModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    page(m_query.trimmed(), m_rows.constLast().rowId).then(this, [this, generation](const QList<SearchRow> &rows) {
        if (generation != m_generation)
            return; // a new query (or clear) since: these belong to the old one
        m_fetching = false;
        m_more = rows.size() == PageSize;
        if (rows.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        m_rows.append(rows);
        endInsertRows();
    });
}

void SearchModel::clear()
{
    ++m_generation;
    m_debounce.stop();
    setBusy(false);
    m_query.clear();
    Q_EMIT queryChanged();
    beginResetModel();
    m_rows.clear();
    m_more = m_fetching = false;
    endResetModel();
}

int SearchModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

QVariant SearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SearchRow &r = m_rows.at(index.row());
    switch (role) {
    case RowIdRole: return r.rowId;
    case PeerRole: return r.peer;
    case ConversationIdRole: return r.conversationId;
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case SnippetRole: return r.snippet;
    case TimeRole: return QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.sentAt), QLocale::ShortFormat);
    }
    return {};
}

QHash<int, QByteArray> SearchModel::roleNames() const
{
    return {{RowIdRole, "rowId"}, {PeerRole, "peer"}, {NameRole, "name"}, {SnippetRole, "snippet"}, {TimeRole, "time"},
            {ConversationIdRole, "conversationId"}};
}

} // namespace sotto::ui
