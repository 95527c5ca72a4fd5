// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpus: a few real, valid inputs per fuzz target, made by the code that
// makes them in the program (encodeFrame, encodeBeacon, buildOwnBundle, pad, ...). Run
// once, its output committed under fuzz/corpus/; rerun only when a format changes.
//   make_corpus <fuzz/corpus>
#include "core/messenger/Content.pb.h"
#include "core/net/BeaconFilter.h"
#include "core/net/FrameCodec.h"
#include "core/net/HelloCheck.h"
#include "core/protocol/Padding.h"
#include "fuzz/FixedContact.h"
#include "fuzz/FuzzFixtures.h"
#include "tests/support/SigningIdentity.h"
#include "tests/support/TestProfiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <cstdio>

using namespace sotto;

namespace {

QString root;

void write(const char *target, const char *name, const QByteArray &bytes)
{
    const QString dir = root + u'/' + QLatin1String(target);
    QDir().mkpath(dir);
    QFile f(dir + u'/' + QLatin1String(name));
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        qFatal("cannot write %s/%s", target, name);
}

std::string id16(char fill) { return std::string(16, fill); }

QByteArray bytesOf(const google::protobuf::MessageLite &m) { return QByteArray::fromStdString(m.SerializeAsString()); }

wire::Hello signedHello(const net::LocalIdentity &peer)
{
    wire::Hello hello;
    hello.set_version(net::HelloVersion);
    hello.set_content_version(2);
    hello.set_peer_id(peer.peer.toStdString());
    hello.set_identity_key(peer.identityKey.toStdString());
    hello.set_display_name(peer.displayName.toStdString());
    hello.set_listen_port(peer.listenPort);
    // The peer signs its own certificate's hash first (see checkHello).
    hello.set_proof(peer.sign(net::helloProofMessage(fuzz::peerCertHash(), fuzz::localCertHash())).toStdString());
    return hello;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: make_corpus <corpus dir>\n");
        return 2;
    }
    root = QString::fromLocal8Bit(argv[1]);
    crypto::SignalContext context;
    test::SigningIdentity ann(context, QStringLiteral("Ann"), 47001);
    test::SigningIdentity zoe(context, QStringLiteral("Zoë 🌿"), 65535);

    // Beacons, fresh at the target's clock.
    write("beacon", "ann", net::encodeBeacon(ann.local, fuzz::NowMs));
    write("beacon", "zoe", net::encodeBeacon(zoe.local, fuzz::NowMs - 29000));
    // Contacts-only beacons the target's one contact sent (they open and verify), and one
    // from a stranger's key (never opens).
    const std::unique_ptr<fuzz::FixedContact> contact = fuzz::fixedContact(context);
    write("beacon", "contacts_only", net::encodeContactBeacon(contact->local, fuzz::NowMs));
    write("beacon", "contacts_only_old", net::encodeContactBeacon(contact->local, fuzz::NowMs - 29000));
    net::LocalIdentity stranger = ann.local;
    stranger.beaconKey = std::make_shared<const net::BeaconKey>(net::BeaconKey::generate());
    write("beacon", "contacts_only_stranger", net::encodeContactBeacon(stranger, fuzz::NowMs));

    // Hellos whose proofs verify over the target's certificate hashes.
    write("hello", "ann", bytesOf(signedHello(ann.local)));
    write("hello", "zoe", bytesOf(signedHello(zoe.local)));

    // Frames: one of each kind, and several back to back (first byte: read size - 1).
    std::vector<wire::Frame> frames(8);
    *frames[0].mutable_hello() = signedHello(ann.local);
    frames[1].mutable_ping()->set_nonce(0x0123456789abcdefULL);
    frames[2].mutable_pong()->set_nonce(42);
    frames[3].mutable_bundle_request();
    frames[4].mutable_bundle_response()->set_bundle(std::string(200, '\x05'));
    frames[5].mutable_envelope()->set_id(7);
    frames[5].mutable_envelope()->set_kind(3);
    frames[5].mutable_envelope()->set_ciphertext(std::string(300, '\x33'));
    frames[6].mutable_ack()->add_ids(7);
    frames[6].mutable_ack()->add_rejected(8);
    frames[7].mutable_chunk_data()->set_file_id(std::string(16, '\x11'));
    frames[7].mutable_chunk_data()->set_index(3);
    frames[7].mutable_chunk_data()->set_offset(1000);
    frames[7].mutable_chunk_data()->set_data(std::string(300, '\x33'));
    const char *frameNames[] = {"hello", "ping", "pong", "bundle_request", "bundle_response", "envelope", "ack", "chunk_data"};
    QByteArray all(1, char(16));
    for (std::size_t i = 0; i < frames.size(); ++i) {
        write("frame", frameNames[i], QByteArray(1, char(255)) + net::encodeFrame(frames[i]));
        all += net::encodeFrame(frames[i]);
    }
    write("frame", "all_in_reads_of_17", all);

    // Prekey bundles, with and without a one-time prekey.
    {
        test::TestPeer bob(context, QStringLiteral("bob"));
        auto bundle = bob.messenger().bundle();
        if (!bundle)
            qFatal("bundle: %s", qPrintable(bundle.error().reason));
        write("prekeybundle", "with_prekey", *bundle);
        auto parsed = protocol::PreKeyBundle::parse(*bundle);
        parsed->preKeyId = 0;
        parsed->preKey.clear();
        write("prekeybundle", "signed_only", parsed->serialize());
    }

    // Padding: empty, short, one block exactly filled, two blocks.
    write("padding", "empty", protocol::pad({}));
    write("padding", "short", protocol::pad("hello"));
    write("padding", "full_block", protocol::pad(QByteArray(159, 'x')));
    write("padding", "two_blocks", protocol::pad(QByteArray(160, 'y')));

    // Content: each kind this version knows, and one it does not (a newer peer's).
    {
        wire::Content c;
        auto *t = c.mutable_text();
        t->set_id(id16('\x01'));
        t->set_sent_at(fuzz::NowMs);
        t->set_body("hello Bob");
        write("content", "text", bytesOf(c));
        t->set_reply_to(id16('\x02'));
        t->set_expires_in(3600);
        t->set_body("a reply that disappears 🌿");
        write("content", "text_reply_timer", bytesOf(c));
    }
    {
        wire::Content c;
        auto *r = c.mutable_receipt();
        r->set_kind(wire::Receipt::READ);
        r->add_ids(id16('\x01'));
        r->add_ids(id16('\x03'));
        r->set_up_to(true);
        write("content", "receipt", bytesOf(c));
    }
    {
        wire::Content c;
        auto *e = c.mutable_edit();
        e->set_id(id16('\x04'));
        e->set_sent_at(fuzz::NowMs);
        e->set_target(id16('\x01'));
        e->set_body("edited");
        write("content", "edit", bytesOf(c));
    }
    {
        wire::Content c;
        auto *d = c.mutable_delete_();
        d->set_id(id16('\x05'));
        d->set_sent_at(fuzz::NowMs);
        d->set_target(id16('\x01'));
        write("content", "delete", bytesOf(c));
    }
    {
        wire::Content c;
        auto *r = c.mutable_reaction();
        r->set_id(id16('\x06'));
        r->set_sent_at(fuzz::NowMs);
        r->set_target(id16('\x01'));
        r->set_emoji("👍");
        write("content", "reaction", bytesOf(c));
    }
    {
        wire::Content c;
        auto *t = c.mutable_timer();
        t->set_id(id16('\x07'));
        t->set_sent_at(fuzz::NowMs);
        t->set_seconds(30);
        write("content", "timer", bytesOf(c));
    }
    {
        wire::Content c;
        c.mutable_typing()->set_typing(true);
        write("content", "typing", bytesOf(c));
    }
    // Field 20, length-delimited, holding a 16-byte id (field 1) and a time (field 2).
    write("content", "unknown_durable", QByteArray::fromHex("a20116" "0a10" "08080808080808080808080808080808" "1001" "1a00"));
    write("content", "unknown_ephemeral", QByteArray::fromHex("8a0500"));

    // Headless command lines (first byte: read size / 4).
    write("headless", "create", QByteArray(1, char(3)) + "{\"cmd\":\"create\",\"id\":\"1\",\"name\":\"Ann\"}\n");
    write("headless", "history", QByteArray(1, char(255)) +
          "{\"cmd\":\"history\",\"peer\":\"00112233445566778899aabbccddeeff\",\"limit\":20,\"before\":12}\n"
          "{\"cmd\":\"verify\",\"conversation\":1,\"verified\":false}\n");
    write("headless", "send_batch", QByteArray(1, char(0)) +
          "{\"cmd\":\"send\",\"peer\":\"00112233445566778899aabbccddeeff\",\"body\":\"hi\"}\n"
          "{\"cmd\":\"send\",\"peer\":\"00112233445566778899aabbccddeeff\",\"body\":\"\\u00e9\\ud83c\\udf3f\"}\n"
          "{\"cmd\":\"set_timer\",\"peer\":\"00112233445566778899aabbccddeeff\",\"seconds\":31536000}\n");
    write("headless", "overlong", QByteArray(1, char(40)) + QByteArray(600, 'A') + "{\"cmd\":\"quit\"}\n{\"cmd\":\"whoami\"}\n");
    std::printf("seeds written under %s\n", argv[1]);
    return 0;
}
