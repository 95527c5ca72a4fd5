// SPDX-License-Identifier: GPL-3.0-or-later
// In-memory protocol stores for Signal's libsignal-client: what the Signal side of the
// interop test keeps between messages. Owns one identity and its prekeys; no persistence.
import * as signal from '@signalapp/libsignal-client';

export class SignalParty {
  constructor(registrationId) {
    this.identity = signal.IdentityKeyPair.generate();
    this.registrationId = registrationId;
    this.identities = new Map(); // address -> PublicKey
    this.sessions = new Map(); // address -> serialized SessionRecord
    this.preKeys = new Map();
    this.signedPreKeys = new Map();

    const party = this;
    this.sessionStore = new (class extends signal.SessionStore {
      async saveSession(address, record) { party.sessions.set(address.toString(), record.serialize()); }
      async getSession(address) {
        const raw = party.sessions.get(address.toString());
        return raw ? signal.SessionRecord.deserialize(raw) : null;
      }
      async getExistingSessions(addresses) {
        return Promise.all(addresses.map((a) => this.getSession(a)));
      }
    })();
    this.identityStore = new (class extends signal.IdentityKeyStore {
      async getIdentityKey() { return party.identity.privateKey; }
      async getLocalRegistrationId() { return party.registrationId; }
      async saveIdentity(address, key) {
        const old = party.identities.get(address.toString());
        party.identities.set(address.toString(), key);
        return old && old.compare(key) !== 0 ? signal.IdentityChange.ReplacedExisting : signal.IdentityChange.NewOrUnchanged;
      }
      // Trust on first use, as Sotto: a known address must keep its key.
      async isTrustedIdentity(address, key) {
        const known = party.identities.get(address.toString());
        return !known || known.compare(key) === 0;
      }
      async getIdentity(address) { return party.identities.get(address.toString()) ?? null; }
    })();
    this.preKeyStore = new (class extends signal.PreKeyStore {
      async savePreKey(id, record) { party.preKeys.set(id, record.serialize()); }
      async getPreKey(id) {
        const raw = party.preKeys.get(id);
        if (!raw) throw new Error(`no prekey ${id}`);
        return signal.PreKeyRecord.deserialize(raw);
      }
      async removePreKey(id) { party.preKeys.delete(id); }
    })();
    this.signedPreKeyStore = new (class extends signal.SignedPreKeyStore {
      async saveSignedPreKey(id, record) { party.signedPreKeys.set(id, record.serialize()); }
      async getSignedPreKey(id) {
        const raw = party.signedPreKeys.get(id);
        if (!raw) throw new Error(`no signed prekey ${id}`);
        return signal.SignedPreKeyRecord.deserialize(raw);
      }
    })();
    // Sotto speaks X3DH only: a Kyber prekey is never handed out, so never asked for.
    this.kyberPreKeyStore = new (class extends signal.KyberPreKeyStore {
      async saveKyberPreKey() { throw new Error('no Kyber prekeys here'); }
      async getKyberPreKey(id) { throw new Error(`no Kyber prekey ${id}`); }
      async markKyberPreKeyUsed(id) { throw new Error(`no Kyber prekey ${id}`); }
    })();
  }

  // A fresh one-time prekey and signed prekey, as the parts of an X3DH bundle.
  async makeBundleParts(preKeyId, signedPreKeyId) {
    const preKey = signal.PrivateKey.generate();
    await this.preKeyStore.savePreKey(preKeyId, signal.PreKeyRecord.new(preKeyId, preKey.getPublicKey(), preKey));
    const signedPreKey = signal.PrivateKey.generate();
    const signature = this.identity.privateKey.sign(signedPreKey.getPublicKey().serialize());
    await this.signedPreKeyStore.saveSignedPreKey(signedPreKeyId,
      signal.SignedPreKeyRecord.new(signedPreKeyId, Date.now(), signedPreKey.getPublicKey(), signedPreKey, signature));
    return {
      registrationId: this.registrationId,
      deviceId: 1,
      preKeyId,
      preKey: preKey.getPublicKey().serialize(),
      signedPreKeyId,
      signedPreKey: signedPreKey.getPublicKey().serialize(),
      signedPreKeySignature: signature,
      identityKey: this.identity.publicKey.serialize(),
    };
  }

  async processBundle(address, parts) {
    const bundle = signal.PreKeyBundle.new(parts.registrationId, parts.deviceId,
      parts.preKeyId || null, parts.preKey.length ? signal.PublicKey.deserialize(parts.preKey) : null,
      parts.signedPreKeyId, signal.PublicKey.deserialize(parts.signedPreKey), parts.signedPreKeySignature,
      signal.PublicKey.deserialize(parts.identityKey));
    await signal.processPreKeyBundle(bundle, address, this.sessionStore, this.identityStore);
  }

  // Returns {kind: 2 | 3, bytes}.
  async encrypt(address, plaintext) {
    const m = await signal.signalEncrypt(Buffer.from(plaintext), address, this.sessionStore, this.identityStore);
    return { kind: m.type(), bytes: m.serialize() };
  }

  async decrypt(address, kind, bytes) {
    if (kind === signal.CiphertextMessageType.PreKey) {
      return signal.signalDecryptPreKey(signal.PreKeySignalMessage.deserialize(bytes), address, this.sessionStore,
        this.identityStore, this.preKeyStore, this.signedPreKeyStore, this.kyberPreKeyStore);
    }
    if (kind === signal.CiphertextMessageType.Whisper) {
      return signal.signalDecrypt(signal.SignalMessage.deserialize(bytes), address, this.sessionStore, this.identityStore);
    }
    throw new Error(`unknown kind ${kind}`);
  }
}
