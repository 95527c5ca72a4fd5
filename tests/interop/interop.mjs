// SPDX-License-Identifier: GPL-3.0-or-later
// Sotto against Signal's own library (@signalapp/libsignal-client, pinned in
// package-lock.json): X3DH started from either side, Double Ratchet steps both ways
// (several in a row from one side, one batch out of order), and the plaintext layout of
// docs/PROTOCOL.md (padding, registration id, Content) checked on every message.
// Node.js plays the Signal peer and the network; Sotto is its real Messenger in a child
// process (sotto_interop_harness). Exits non-zero on the first mismatch.
// Usage: node interop.mjs PATH_TO_HARNESS
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as signal from '@signalapp/libsignal-client';
import { SottoHarness } from './harness.mjs';
import { SignalParty } from './signal-stores.mjs';
import { frame, unframe, textContent, receiptContent, readContent, newMessageId } from './sotto-plaintext.mjs';

const Whisper = 2, PreKey = 3;
const Delivered = 0, Read = 1;

// One Signal peer talking to the one Sotto peer of the harness.
class Conversation {
  constructor(sotto, sottoBundle, registrationId) {
    this.sotto = sotto;
    this.sottoPeer = sottoBundle.peer;
    this.sottoRegistrationId = sottoBundle.registration_id;
    this.signal = new SignalParty(registrationId);
    // The Signal side's PeerId at Sotto: the first 16 bytes of SHA-256 over its serialized
    // identity key (docs/PROTOCOL.md, "PeerIds"); Sotto refuses a key under any other id.
    this.peer = createHash('sha256').update(this.signal.identity.publicKey.serialize()).digest().subarray(0, 16).toString('hex');
    this.sottoAddress = signal.ProtocolAddress.new(this.sottoPeer, 1);
    this.sentBySignal = new Map(); // message id (hex) -> body
  }

  get identityKey() { return this.signal.identity.publicKey.serialize().toString('base64'); }

  // Signal seals a text; returns the ciphertext and what Sotto must find in it.
  async signalSeals(body, { kind } = {}) {
    const id = newMessageId(Date.now());
    const sentAt = Date.now();
    const padded = frame(this.signal.registrationId, textContent({ id, sentAt, body }));
    const m = await this.signal.encrypt(this.sottoAddress, padded);
    if (kind) assert.equal(m.kind, kind, `Signal sealed kind ${m.kind}, expected ${kind}`);
    // Signal's current library marks version-3 messages 0x34: what Sotto must accept.
    assert.equal(m.bytes[0], 0x34, `Signal's first byte is 0x${m.bytes[0].toString(16)}`);
    return { id, sentAt, body, message: m };
  }

  // Sotto receives what Signal sealed: stored as sent, and its receipt goes back.
  async sottoReceives(sealed) {
    const r = await this.sotto.call({ cmd: 'receive', peer: this.peer, kind: sealed.message.kind, bytes: sealed.message.bytes.toString('base64') });
    assert.equal(r.incoming, 'text');
    assert.equal(r.duplicate, false);
    assert.equal(r.body, sealed.body);
    assert.equal(r.id, sealed.id.toString('hex'));
    assert.equal(r.sent_at, sealed.sentAt);
    assert.equal(r.sealed.length, 1, 'one delivery receipt per text');
    await this.signalOpensReceipt(r.sealed[0], Delivered, [sealed.id]);
  }

  async signalOpensReceipt(m, kind, ids) {
    const content = await this.signalOpens(m);
    assert.ok(content.receipt, 'a receipt');
    assert.equal(content.receipt.kind, kind);
    assert.deepEqual(content.receipt.ids.map((x) => x.toString('hex')), ids.map((x) => x.toString('hex')));
  }

  // Signal decrypts something Sotto sealed and checks the plaintext layout.
  async signalOpens(m) {
    const bytes = Buffer.from(m.bytes, 'base64');
    assert.equal(bytes[0], 0x33, 'libsignal-protocol-c writes 0x33');
    const padded = await this.signal.decrypt(this.sottoAddress, m.kind, bytes);
    const { registrationId, content } = unframe(padded);
    assert.equal(registrationId, this.sottoRegistrationId, "the plaintext starts with the sender's registration id");
    return readContent(content);
  }

  // Sotto sends a text as the app does; Signal reads it.
  async sottoSends(body, { kind } = {}) {
    const r = await this.sotto.call({ cmd: 'send', peer: this.peer, body });
    if (kind) assert.equal(r.kind, kind, `Sotto sealed kind ${r.kind}, expected ${kind}`);
    return { ...r, body };
  }

  async signalReads(sent) {
    const { text } = await this.signalOpens(sent);
    assert.ok(text, 'a text');
    assert.equal(text.body, sent.body);
    assert.equal(text.id.toString('hex'), sent.id);
    assert.equal(text.sentAt, sent.sent_at);
    return text;
  }

  // Signal tells Sotto it read `text`: Sotto's message moves to read.
  async signalSendsReadReceipt(text) {
    const padded = frame(this.signal.registrationId, receiptContent({ kind: Read, ids: [text.id] }));
    const m = await this.signal.encrypt(this.sottoAddress, padded);
    const r = await this.sotto.call({ cmd: 'receive', peer: this.peer, kind: m.kind, bytes: m.bytes.toString('base64') });
    assert.equal(r.incoming, 'receipt');
    assert.deepEqual(r.acknowledged, [text.id.toString('hex')]);
    assert.equal(r.sealed.length, 0, 'receipts get no receipt');
  }

  // Signal seals a plaintext Sotto must refuse; nothing may move at Sotto.
  async sottoRefuses(padded, why) {
    const m = await this.signal.encrypt(this.sottoAddress, padded);
    const r = await this.sotto.request({ cmd: 'receive', peer: this.peer, kind: m.kind, bytes: m.bytes.toString('base64') });
    assert.equal(r.ok, false, `Sotto accepted ${why}`);
    assert.equal(r.code, 'invalid_message', `${why}: ${r.code} ${r.reason}`);
  }
}

// Several texts each way, alternating, so every turn is a new DH ratchet step.
async function pingPong(c, rounds, label) {
  for (let i = 0; i < rounds; ++i) {
    const s = await c.signalSeals(`${label} signal ${i}`, { kind: Whisper });
    await c.sottoReceives(s);
    const t = await c.sottoSends(`${label} sotto ${i} — ünïcode ✓`, { kind: Whisper });
    await c.signalReads(t);
  }
}

async function signalStarts(sotto) {
  const bundle = await sotto.call({ cmd: 'bundle' });
  assert.equal(bundle.device_id, 1);
  const c = new Conversation(sotto, bundle, 4321);
  // Signal runs X3DH on Sotto's bundle (no Kyber prekey: Sotto speaks X3DH only).
  await c.signal.processBundle(c.sottoAddress, {
    registrationId: bundle.registration_id, deviceId: bundle.device_id,
    preKeyId: bundle.pre_key_id, preKey: Buffer.from(bundle.pre_key, 'base64'),
    signedPreKeyId: bundle.signed_pre_key_id, signedPreKey: Buffer.from(bundle.signed_pre_key, 'base64'),
    signedPreKeySignature: Buffer.from(bundle.signed_pre_key_signature, 'base64'),
    identityKey: Buffer.from(bundle.identity_key, 'base64'),
  });
  // The link proof made Sotto remember Signal's key.
  await sotto.call({ cmd: 'start_session', peer: c.peer, identity_key: c.identityKey });
  // Its user accepts Signal as a contact (a stranger's texts would be a message request:
  // stored and acknowledged, but no receipt goes back until accepted).
  assert.equal((await sotto.call({ cmd: 'accept_request', peer: c.peer })).receipts, 0);

  // The registration id inside must match the PreKey message's header (no MAC covers it).
  await c.sottoRefuses(frame(c.signal.registrationId + 1, textContent({ id: newMessageId(Date.now()), sentAt: Date.now(), body: 'x' })),
    'a PreKey message whose inner registration id differs');

  // Three PreKey messages in a row before Sotto answers, then their receipts.
  const first = [];
  for (let i = 0; i < 3; ++i) first.push(await c.signalSeals(`hello ${i} from Signal`, { kind: PreKey }));
  for (const s of first) await c.sottoReceives(s);

  // Three from Sotto in a row; Signal reads them, then marks the last read.
  const replies = [];
  for (let i = 0; i < 3; ++i) replies.push(await c.sottoSends(`hi ${i} from Sotto`, { kind: Whisper }));
  let last;
  for (const r of replies) last = await c.signalReads(r);
  await c.signalSendsReadReceipt(last);

  await pingPong(c, 4, 'A');

  // Out of order: the third arrives first (skipped message keys at Sotto).
  const batch = [];
  for (let i = 0; i < 3; ++i) batch.push(await c.signalSeals(`late ${i}`, { kind: Whisper }));
  for (const s of [batch[2], batch[0], batch[1]]) await c.sottoReceives(s);

  // Padding is checked strictly: no 0x80 marker, or a length that is no block multiple.
  const content = textContent({ id: newMessageId(Date.now()), sentAt: Date.now(), body: 'bad padding' });
  const head = Buffer.alloc(4);
  head.writeUInt32BE(c.signal.registrationId);
  await c.sottoRefuses(Buffer.concat([head, content, Buffer.alloc(160 - ((content.length + 4) % 160))]), 'padding without 0x80');
  await c.sottoRefuses(frame(c.signal.registrationId, content).subarray(0, 159), 'padding shorter than a block');
  // ... and the session goes on after the refusals.
  await pingPong(c, 2, 'A after refusals');
}

async function sottoStarts(sotto) {
  const bundle = await sotto.call({ cmd: 'bundle' });
  const c = new Conversation(sotto, bundle, 8765);
  const parts = await c.signal.makeBundleParts(31, 41);
  // Sotto runs X3DH on Signal's bundle, as on a BundleResponse from a proven link.
  await sotto.call({
    cmd: 'start_session', peer: c.peer, identity_key: c.identityKey,
    registration_id: parts.registrationId, device_id: parts.deviceId,
    pre_key_id: parts.preKeyId, pre_key: parts.preKey.toString('base64'),
    signed_pre_key_id: parts.signedPreKeyId, signed_pre_key: parts.signedPreKey.toString('base64'),
    signed_pre_key_signature: parts.signedPreKeySignature.toString('base64'),
  });

  // Three PreKey messages in a row from Sotto; Signal reads them out of order.
  const first = [];
  for (let i = 0; i < 3; ++i) first.push(await c.sottoSends(`hello ${i} from Sotto`, { kind: PreKey }));
  for (const r of [first[1], first[0], first[2]]) await c.signalReads(r);
  assert.equal(c.signal.preKeys.has(31), false, 'the one-time prekey was used up');

  // Two from Signal in a row (a new ratchet step), with Sotto's receipts.
  for (let i = 0; i < 2; ++i) await c.sottoReceives(await c.signalSeals(`hi ${i} from Signal`, { kind: Whisper }));

  await pingPong(c, 4, 'B');

  // Sotto again several in a row.
  let last;
  for (let i = 0; i < 3; ++i) last = await c.signalReads(await c.sottoSends(`more ${i}`, { kind: Whisper }));
  await c.signalSendsReadReceipt(last);
}

const harnessPath = process.argv[2];
assert.ok(harnessPath, 'usage: node interop.mjs PATH_TO_HARNESS');
const sotto = new SottoHarness(harnessPath);
try {
  await signalStarts(sotto);
  console.log('ok: Signal started X3DH; ratchet, padding and Content agree');
  await sottoStarts(sotto);
  console.log('ok: Sotto started X3DH; ratchet, padding and Content agree');
} finally {
  await sotto.close();
}
