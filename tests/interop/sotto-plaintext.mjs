// SPDX-License-Identifier: GPL-3.0-or-later
// Sotto's plaintext inside the ratchet, written from docs/PROTOCOL.md alone (not from
// Sotto's code), so the test checks the document as much as the program:
//   registration id (4 bytes, big endian) || Content (protobuf) || 0x80 || 0x00... to a
//   multiple of 160 bytes.
// The protobuf codec is a strict, minimal one: it knows only what the test sends and reads.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';

export const PaddingBlock = 160;

export function pad(plaintext) {
  const size = Math.ceil((plaintext.length + 1) / PaddingBlock) * PaddingBlock;
  const out = Buffer.alloc(size);
  plaintext.copy(out);
  out[plaintext.length] = 0x80;
  return out;
}

// Checks the padding strictly and returns what it covered.
export function unpad(padded) {
  assert.ok(padded.length > 0 && padded.length % PaddingBlock === 0, `padded length ${padded.length} is not a multiple of 160`);
  let i = padded.length - 1;
  while (i >= 0 && padded[i] === 0) --i;
  assert.ok(i >= 0 && padded[i] === 0x80, 'padding does not end in 0x80 then zeros');
  assert.ok(padded.length - i <= PaddingBlock, 'more than one block of padding');
  return padded.subarray(0, i);
}

export function frame(registrationId, content) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(registrationId);
  return pad(Buffer.concat([head, content]));
}

export function unframe(padded) {
  const plain = unpad(padded);
  assert.ok(plain.length >= 4, 'no registration id');
  return { registrationId: plain.readUInt32BE(0), content: plain.subarray(4) };
}

// --- protobuf, proto3 wire format -----------------------------------------------------

function varint(value) {
  let v = BigInt(value);
  const bytes = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    bytes.push(b);
  } while (v);
  return Buffer.from(bytes);
}

const tag = (field, wireType) => varint((field << 3) | wireType);
const lengthDelimited = (field, bytes) => Buffer.concat([tag(field, 2), varint(bytes.length), bytes]);
const varintField = (field, value) => Buffer.concat([tag(field, 0), varint(value)]);

// Fields in wire order: [{field, wireType, value}] (value: BigInt or Buffer).
export function decodeFields(bytes) {
  const fields = [];
  let at = 0;
  const readVarint = () => {
    let v = 0n;
    for (let shift = 0n; ; shift += 7n) {
      assert.ok(at < bytes.length, 'truncated varint');
      const b = bytes[at++];
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return v;
    }
  };
  while (at < bytes.length) {
    const key = Number(readVarint());
    const field = key >> 3, wireType = key & 7;
    if (wireType === 0) {
      fields.push({ field, wireType, value: readVarint() });
    } else if (wireType === 2) {
      const len = Number(readVarint());
      assert.ok(at + len <= bytes.length, 'truncated field');
      fields.push({ field, wireType, value: bytes.subarray(at, at + len) });
      at += len;
    } else {
      assert.fail(`unexpected wire type ${wireType}`);
    }
  }
  return fields;
}

// UUIDv7 layout (RFC 9562): 48-bit milliseconds, version 7, variant 10.
export function newMessageId(nowMs) {
  const id = randomBytes(16);
  id.writeUIntBE(nowMs, 0, 6);
  id[6] = (id[6] & 0x0f) | 0x70;
  id[8] = (id[8] & 0x3f) | 0x80;
  return id;
}

// Content { text (1): TextMessage { id (1), sent_at (2), body (3) } }
export function textContent({ id, sentAt, body }) {
  const text = Buffer.concat([lengthDelimited(1, id), varintField(2, sentAt), lengthDelimited(3, Buffer.from(body, 'utf8'))]);
  return lengthDelimited(1, text);
}

// Content { receipt (2): Receipt { kind (1, DELIVERED 0 is left out), ids (2)... } }
export function receiptContent({ kind, ids }) {
  const parts = [];
  if (kind) parts.push(varintField(1, kind));
  for (const id of ids) parts.push(lengthDelimited(2, id));
  return lengthDelimited(2, Buffer.concat(parts));
}

// Reads a Content that must hold exactly one kind, as PROTOCOL.md says; returns
// {text: {id, sentAt, body}} or {receipt: {kind, ids}}. Anything else fails.
export function readContent(bytes) {
  const top = decodeFields(bytes);
  assert.equal(top.length, 1, 'a Content holds exactly one kind');
  const [{ field, wireType, value }] = top;
  assert.equal(wireType, 2);
  if (field === 1) {
    const f = decodeFields(value);
    // Sotto writes no reply_to and no timer here: proto3 leaves empty fields out.
    assert.deepEqual(f.map((x) => x.field), [1, 2, 3], 'TextMessage fields id, sent_at, body in order');
    const text = { id: f[0].value, sentAt: Number(f[1].value), body: f[2].value.toString('utf8') };
    assert.equal(text.id.length, 16, 'a message id is 16 bytes');
    assert.ok(textContent(text).equals(bytes), 'TextMessage is encoded canonically');
    return { text };
  }
  if (field === 2) {
    const f = decodeFields(value);
    let kind = 0;
    const ids = [];
    for (const x of f) {
      if (x.field === 1 && x.wireType === 0) kind = Number(x.value);
      else if (x.field === 2 && x.wireType === 2) ids.push(x.value);
      else assert.fail(`unexpected Receipt field ${x.field}`);
    }
    return { receipt: { kind, ids } };
  }
  assert.fail(`unexpected Content kind ${field}`);
}
