// SPDX-License-Identifier: GPL-3.0-or-later
// ChunkData frames without libprotobuf: what the sender writes is byte for byte protobuf's
// encoding, what the receiver reads in place agrees with protobuf's parse, anything
// unusual is left to protobuf, and no length reaches past the frame.
#include "core/net/ChunkSlice.h"
#include "core/net/FrameCodec.h"

#include <QTest>

using namespace sotto;
using namespace sotto::net;

namespace {

wire::Frame chunkFrame(const QByteArray &fileId, quint64 index, quint32 offset, const QByteArray &data)
{
    wire::Frame f;
    wire::ChunkData *c = f.mutable_chunk_data();
    c->set_file_id(fileId.toStdString());
    c->set_index(index);
    c->set_offset(offset);
    c->set_data(data.toStdString());
    return f;
}

QByteArray bodyOf(const QByteArray &frame) { return frame.mid(4); }

} // namespace

class TestChunkSlice : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesWhatProtobufWritesAndReadsItBack_data()
    {
        QTest::addColumn<int>("idLength");
        QTest::addColumn<quint64>("index");
        QTest::addColumn<quint32>("offset");
        QTest::addColumn<int>("dataLength");
        QTest::newRow("first slice") << 16 << quint64(0) << quint32(0) << 255 * 1024;
        QTest::newRow("second slice") << 16 << quint64(1) << quint32(255 * 1024) << 1040;
        QTest::newRow("one byte") << 16 << quint64(127) << quint32(128) << 1;
        QTest::newRow("varint edges") << 16 << quint64(128) << quint32(16383) << 127;
        QTest::newRow("largest values") << 16 << ~quint64(0) << ~quint32(0) << 128;
        QTest::newRow("nothing but defaults") << 0 << quint64(0) << quint32(0) << 0;
        QTest::newRow("no data") << 16 << quint64(5) << quint32(7) << 0;
    }
    void writesWhatProtobufWritesAndReadsItBack()
    {
        QFETCH(int, idLength);
        QFETCH(quint64, index);
        QFETCH(quint32, offset);
        QFETCH(int, dataLength);
        const QByteArray id(idLength, '\x5a');
        QByteArray data(dataLength, Qt::Uninitialized);
        for (int i = 0; i < dataLength; ++i)
            data[i] = char(i * 7);
        const QByteArray expected = encodeFrame(chunkFrame(id, index, offset, data));

        const QByteArray written = chunkSliceHeader(ChunkSlice{id, index, offset, data}) + data;
        QCOMPARE(written.toHex(), expected.toHex());

        const QByteArray body = bodyOf(expected); // the views point into it
        const std::optional<ChunkSlice> read = readChunkSlice(body);
        QVERIFY(read);
        QCOMPARE(read->fileId.toByteArray(), id);
        QCOMPARE(read->index, index);
        QCOMPARE(read->offset, offset);
        QCOMPARE(read->data.toByteArray(), data);
    }

    // Valid protobuf this reader does not take: protobuf's parser decides, as before.
    void unusualEncodingsAreLeftToProtobuf()
    {
        const QByteArray id(16, '\x01');
        const QByteArray canonical = bodyOf(encodeFrame(chunkFrame(id, 3, 9, "abc")));
        // Inside ChunkData: index before file_id; file_id twice; an unknown field 5.
        const QByteArray idField = QByteArray("\x0a\x10", 2) + id;
        const auto wrap = [](const QByteArray &inner) { return QByteArray(1, '\x52') + char(inner.size()) + inner; };
        const QList<QByteArray> unusual = {
            wrap(QByteArray("\x10\x03", 2) + idField),
            wrap(idField + idField),
            wrap(idField + QByteArray("\x28\x01", 2)),
            canonical + canonical, // the frame's field twice: protobuf merges them
            wrap(QByteArray("\x18\x80\x80\x80\x80\x10", 6)), // offset over 32 bits: protobuf truncates
            wrap(QByteArray("\x10\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", 12)), // an index in 11 bytes
            wrap(QByteArray("\x10\x80\x80\x80\x80\x80\x80\x80\x80\x80\x02", 11)), // over 64 bits
        };
        for (const QByteArray &body : unusual) {
            QVERIFY2(!readChunkSlice(body), body.toHex().constData());
            QByteArray frame(4, '\0');
            frame[3] = char(body.size());
            FrameReader reader;
            reader.append(frame + body);
            wire::Frame f;
            ChunkSlice slice;
            const FrameReader::Status status = reader.next(f, &slice);
            QVERIFY2(status == FrameReader::Status::Frame || status == FrameReader::Status::Malformed, body.toHex().constData());
            if (status == FrameReader::Status::Frame)
                QCOMPARE(f.body_case(), wire::Frame::kChunkData);
        }
    }

    void lengthsPastTheFrameAreRefused()
    {
        const QByteArray id(16, '\x01');
        const QByteArray body = bodyOf(encodeFrame(chunkFrame(id, 3, 9, QByteArray(300, 'x'))));
        // Every truncation: the outer or an inner length then reaches past the end.
        for (qsizetype n = 0; n < body.size(); ++n)
            QVERIFY2(!readChunkSlice(QByteArrayView(body.constData(), n)), QByteArray::number(n).constData());
        // A data length claiming more than there is, the outer length kept consistent.
        QByteArray lying = body;
        const qsizetype at = lying.indexOf(QByteArray("\x22\xac\x02", 3)); // data: tag, 300
        QVERIFY(at > 0);
        lying[at + 1] = char(0xad); // 301
        QVERIFY(!readChunkSlice(lying));
    }

    // Slices come in place and in order among other frames, across any split of the stream.
    void readerGivesSlicesInOrderAcrossAnySplit()
    {
        QByteArray stream;
        for (int i = 0; i < 20; ++i) {
            if (i % 3 == 0) {
                wire::Frame f;
                f.mutable_envelope()->set_id(quint64(i));
                stream += encodeFrame(f);
            } else {
                stream += encodeFrame(chunkFrame(QByteArray(16, char(i)), quint64(i), quint32(i * 1000), QByteArray(i * 500, char(i))));
            }
        }
        for (int chunk : {1, 5, 4096, int(stream.size())}) {
            FrameReader reader;
            int got = 0;
            for (qsizetype pos = 0; pos < stream.size(); pos += chunk) {
                reader.append(stream.mid(pos, chunk));
                wire::Frame f;
                ChunkSlice s;
                FrameReader::Status status;
                while ((status = reader.next(f, &s)) != FrameReader::Status::NeedMore) {
                    if (got % 3 == 0) {
                        QCOMPARE(status, FrameReader::Status::Frame);
                        QCOMPARE(f.envelope().id(), quint64(got));
                    } else {
                        QCOMPARE(status, FrameReader::Status::Slice);
                        QCOMPARE(s.index, quint64(got));
                        QCOMPARE(s.offset, quint32(got * 1000));
                        QCOMPARE(s.fileId.toByteArray(), QByteArray(16, char(got)));
                        QCOMPARE(s.data.toByteArray(), QByteArray(got * 500, char(got)));
                    }
                    ++got;
                }
            }
            QCOMPARE(got, 20);
        }
    }
};

QTEST_GUILESS_MAIN(TestChunkSlice)
#include "tst_chunkslice.moc"
