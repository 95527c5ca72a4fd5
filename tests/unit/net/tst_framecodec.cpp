// SPDX-License-Identifier: GPL-3.0-or-later
// Link framing: round trips across arbitrary splits, the size cap read from the header,
// and malformed bodies.
#include "core/net/FrameCodec.h"

#include <QTest>

using namespace sotto;
using namespace sotto::net;

class TestFrameCodec : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripAcrossAnySplit()
    {
        QByteArray stream;
        for (int i = 0; i < 50; ++i) {
            wire::Frame f;
            f.mutable_envelope()->set_id(quint64(i));
            f.mutable_envelope()->set_kind(2);
            f.mutable_envelope()->set_ciphertext(std::string(size_t(i * 37), char(i)));
            stream += encodeFrame(f);
        }
        for (int chunk : {1, 3, 7, 64, 1000, int(stream.size())}) {
            FrameReader reader;
            int got = 0;
            for (qsizetype pos = 0; pos < stream.size(); pos += chunk) {
                reader.append(stream.mid(pos, chunk));
                wire::Frame f;
                FrameReader::Status s;
                while ((s = reader.next(f)) == FrameReader::Status::Frame) {
                    QCOMPARE(f.envelope().id(), quint64(got));
                    QCOMPARE(f.envelope().ciphertext().size(), size_t(got * 37));
                    ++got;
                }
                QCOMPARE(s, FrameReader::Status::NeedMore);
            }
            QCOMPARE(got, 50);
        }
    }

    void oversizedIsRefusedFromTheHeaderAlone()
    {
        FrameReader reader;
        const quint32 size = quint32(MaxFrameSize) + 1;
        QByteArray header(4, '\0');
        header[0] = char(size >> 24);
        header[1] = char(size >> 16);
        header[2] = char(size >> 8);
        header[3] = char(size);
        reader.append(header);
        wire::Frame f;
        QCOMPARE(reader.next(f), FrameReader::Status::TooLarge);
    }

    void malformedAndEmptyBodiesAreRefused()
    {
        FrameReader reader;
        reader.append(QByteArray("\x00\x00\x00\x05\xff\xff\xff\xff\xff", 9));
        wire::Frame f;
        QCOMPARE(reader.next(f), FrameReader::Status::Malformed);
        FrameReader empty;
        empty.append(QByteArray("\x00\x00\x00\x00", 4)); // parses, but carries nothing
        QCOMPARE(empty.next(f), FrameReader::Status::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestFrameCodec)
#include "tst_framecodec.moc"
