// Java's JKS format, read and written natively (no npm library writes it correctly):
//   u32 0xFEEDFEED, u32 version 2, u32 count, entries, then
//   SHA-1(UTF-16BE(password) ‖ "Mighty Aphrodite" ‖ every preceding byte).
// A trusted entry: u32 tag 2, alias (modified UTF-8 with u16 length), i64 creation ms,
// "X.509" (UTF), u32 length, DER. Private-key entries (tag 1) are kept byte for byte.
import { createHash } from 'node:crypto';
import { certificateParses, KeystoreError, type Keystore, type KeystoreEntry } from './model.js';

const MAGIC = 0xfeedfeed;
const WHITENER = Buffer.from('Mighty Aphrodite', 'utf8');
const TAG_PRIVATE_KEY = 1;
const TAG_TRUSTED = 2;

/** Java's modified UTF-8, as DataOutputStream.writeUTF writes it. */
export function encodeJavaUtf(value: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0x01 && c <= 0x7f) bytes.push(c);
    else if (c <= 0x7ff) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  if (bytes.length > 0xffff) throw new KeystoreError({ key: 'keystore.error.aliasTooLong' }, 'unsupported');
  const out = Buffer.alloc(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  Buffer.from(bytes).copy(out, 2);
  return out;
}

function integrityDigest(password: string, body: Buffer): Buffer {
  const hash = createHash('sha1');
  hash.update(Buffer.from(password, 'utf16le').swap16()); // UTF-16BE
  hash.update(WHITENER);
  hash.update(body);
  return hash.digest();
}

class Reader {
  offset = 0;
  constructor(private readonly bytes: Buffer) {}
  private need(n: number): void {
    if (this.offset + n > this.bytes.length) {
      throw new KeystoreError(
        {
          key: 'keystore.error.truncated',
          params: { size: this.bytes.length, needed: this.offset + n },
        },
        'damaged',
      );
    }
  }
  u16(): number {
    this.need(2);
    const v = this.bytes.readUInt16BE(this.offset);
    this.offset += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }
  i64(): bigint {
    this.need(8);
    const v = this.bytes.readBigInt64BE(this.offset);
    this.offset += 8;
    return v;
  }
  take(n: number): Buffer {
    this.need(n);
    const v = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }
  utf(): string {
    const raw = this.take(this.u16());
    // Modified UTF-8 decodes like UTF-8 for everything an alias holds (no NUL, no supplementary).
    return raw.toString('utf8');
  }
}

/**
 * Reads a JKS keystore. With a password the integrity digest is checked (a mismatch is
 * "wrong keystore password" when every entry parses, "damaged" when one does not); without one
 * the entries are read unchecked, as Java itself does for a trust store.
 */
export function parseJks(bytes: Buffer, password: string | undefined): Keystore {
  if (bytes.length < 12 || bytes.readUInt32BE(0) !== MAGIC) {
    throw new KeystoreError({ key: 'keystore.error.notJks' }, 'not-a-keystore');
  }
  const reader = new Reader(bytes);
  reader.u32();
  const version = reader.u32();
  if (version !== 1 && version !== 2)
    throw new KeystoreError({ key: 'keystore.error.jksVersion', params: { version } }, 'unsupported');
  const count = reader.u32();
  if (count > 100_000)
    throw new KeystoreError({ key: 'keystore.error.entryCount', params: { count } }, 'damaged');
  const entries: KeystoreEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entryStart = reader.offset;
    const tag = reader.u32();
    const alias = reader.utf();
    const created = reader.i64();
    if (tag === TAG_TRUSTED) {
      if (version === 2) {
        const type = reader.utf();
        if (type !== 'X.509')
          throw new KeystoreError(
            { key: 'keystore.error.certType', params: { type, offset: entryStart } },
            'damaged',
          );
      }
      const der = Buffer.from(reader.take(reader.u32()));
      entries.push({ kind: 'trusted', alias, created: new Date(Number(created)), der });
    } else if (tag === TAG_PRIVATE_KEY) {
      reader.take(reader.u32()); // protected key
      const chain = reader.u32();
      for (let c = 0; c < chain; c++) {
        if (version === 2) reader.utf();
        reader.take(reader.u32());
      }
      entries.push({
        kind: 'opaque',
        alias,
        tag,
        raw: Buffer.from(bytes.subarray(entryStart + 4, reader.offset)),
      });
    } else {
      throw new KeystoreError(
        { key: 'keystore.error.entryTag', params: { tag, offset: entryStart } },
        'damaged',
      );
    }
  }
  const bodyEnd = reader.offset;
  const stored = reader.take(20);
  if (reader.offset !== bytes.length) {
    throw new KeystoreError(
      {
        key: 'keystore.error.trailing',
        params: { count: bytes.length - reader.offset, offset: reader.offset },
      },
      'damaged',
    );
  }
  const digestMatches =
    password !== undefined && integrityDigest(password, bytes.subarray(0, bodyEnd)).equals(stored);
  // Unless the digest vouches for the bytes, look at the certificates themselves: one that does not
  // parse makes Java refuse the whole store, which is damage, not a question of password.
  if (!digestMatches) {
    const broken = entries.find((e) => e.kind === 'trusted' && !certificateParses(e.der));
    if (broken) {
      throw new KeystoreError({ key: 'keystore.error.entryDer', params: { alias: broken.alias } }, 'damaged');
    }
  }
  let integrityChecked = false;
  if (password !== undefined) {
    if (!digestMatches) {
      throw new KeystoreError({ key: 'keystore.error.jksPassword' }, 'wrong-password');
    }
    integrityChecked = true;
  }
  return { format: 'jks', entries, integrityChecked };
}

export function serializeJks(entries: KeystoreEntry[], password: string): Buffer {
  const parts: Buffer[] = [];
  const header = Buffer.alloc(12);
  header.writeUInt32BE(MAGIC, 0);
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(entries.length, 8);
  parts.push(header);
  for (const entry of entries) {
    const tag = Buffer.alloc(4);
    if (entry.kind === 'opaque') {
      tag.writeUInt32BE(entry.tag, 0);
      parts.push(tag, entry.raw);
      continue;
    }
    tag.writeUInt32BE(TAG_TRUSTED, 0);
    const created = Buffer.alloc(8);
    created.writeBigInt64BE(BigInt(entry.created.getTime()), 0);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(entry.der.length, 0);
    parts.push(tag, encodeJavaUtf(entry.alias), created, encodeJavaUtf('X.509'), length, entry.der);
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, integrityDigest(password, body)]);
}
