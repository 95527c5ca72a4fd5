// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/messenger/FileNames.h"

#include <QList>

namespace sotto::messenger {

// A name another system cannot turn into a path or show as something else: the last
// component; no control (Cc) or format (Cf) characters — U+202E RIGHT-TO-LEFT OVERRIDE makes
// "photo\u202Egpj.exe" show as "photoexe.jpg", zero-width ones hide a difference — no line
// or paragraph separators, no unpaired surrogates.
QString safeFileName(const QString &received)
{
    QString name = received.section(u'/', -1).section(u'\\', -1);
    // Letters that draw nothing (the Hangul fillers, the blank Braille pattern) go with
    // format characters; every other space is a plain one and a run of them one: otherwise
    // "invoice.pdf" followed by a hundred blanks and ".exe" shows as a PDF in a file card.
    const auto invisible = [](uint c) { return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800; };
    QList<uint> kept;
    kept.reserve(name.size());
    for (const uint c : name.toUcs4()) {
        switch (QChar::category(char32_t(c))) {
        case QChar::Other_Control:
        case QChar::Other_Format:
        case QChar::Other_Surrogate:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph: continue;
        case QChar::Separator_Space:
            if (kept.isEmpty() || kept.back() != u' ')
                kept.push_back(u' ');
            continue;
        default:
            if (!invisible(c))
                kept.push_back(c);
        }
    }
    name = QString::fromUcs4(reinterpret_cast<const char32_t *>(kept.constData()), kept.size()).trimmed();
    if (name.isEmpty() || name == u"." || name == u"..")
        name = QStringLiteral("file");
    while (name.toUtf8().size() > MaxFileNameBytes)
        name.chop(1);
    if (!name.isEmpty() && name.back().isHighSurrogate())
        name.chop(1); // not half a character at the cut
    return name;
}

QString safeMimeType(const QString &received)
{
    // RFC 6838, 4.2: a name starts with a letter or digit and goes on with these.
    const auto validName = [](QStringView part) {
        if (part.isEmpty() || part.size() > 127 || !((part.front() >= u'0' && part.front() <= u'9') || (part.front() >= u'a' && part.front() <= u'z')))
            return false;
        for (const QChar c : part)
            if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || QStringView(u"!#$&-^_.+").contains(c)))
                return false;
        return true;
    };
    const QString mime = received.toLower();
    const qsizetype slash = mime.indexOf(u'/');
    if (slash < 0 || !validName(QStringView(mime).left(slash)) || !validName(QStringView(mime).mid(slash + 1)))
        return QStringLiteral("application/octet-stream");
    return mime;
}

} // namespace sotto::messenger
