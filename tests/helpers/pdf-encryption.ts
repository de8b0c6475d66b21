/**
 * Password-protected PDFs for tests: the PDF Standard security handler (ISO 32000-1 §7.6.3),
 * revision 2 (RC4, 40-bit) or revision 3 (RC4, 128-bit), with a user password.
 *
 * Written out here (MD5 from node:crypto, RC4 by hand) so that tests can make a PDF that pdf.js
 * refuses without the password and opens with it, without adding a PDF library.
 */
import { createHash } from 'node:crypto';
import { binaryToHex, type TextPdfOptions, textPdfParts } from './pdf-writer';

/** The 32-byte padding string of the Standard security handler (Algorithm 2, step a). */
const PASSWORD_PADDING = binaryFromBytes([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e,
  0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function binaryFromBytes(bytes: number[]): string {
  return String.fromCharCode(...bytes);
}

function md5(binary: string): string {
  return createHash('md5').update(Buffer.from(binary, 'latin1')).digest().toString('latin1');
}

/** RC4 stream cipher: encryption and decryption are the same operation. */
export function rc4(key: string, data: string): string {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key.charCodeAt(i % key.length)) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  let out = '';
  let a = 0;
  let b = 0;
  for (let k = 0; k < data.length; k++) {
    a = (a + 1) & 0xff;
    b = (b + s[a]!) & 0xff;
    [s[a], s[b]] = [s[b]!, s[a]!];
    out += String.fromCharCode(data.charCodeAt(k) ^ s[(s[a]! + s[b]!) & 0xff]!);
  }
  return out;
}

function pad(password: string): string {
  return (password + PASSWORD_PADDING).slice(0, 32);
}

function xorKey(key: string, n: number): string {
  let out = '';
  for (let i = 0; i < key.length; i++) out += String.fromCharCode(key.charCodeAt(i) ^ n);
  return out;
}

function int32le(n: number): string {
  return String.fromCharCode(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
}

export interface EncryptionOptions {
  userPassword: string;
  /** Defaults to the user password with "-owner" appended. */
  ownerPassword?: string;
  /** 40 (revision 2) or 128 (revision 3). */
  bits?: 40 | 128;
}

interface SecurityValues {
  key: string;
  o: string;
  u: string;
  p: number;
  id: string;
  revision: 2 | 3;
  keyLength: number;
}

function securityValues(opts: EncryptionOptions): SecurityValues {
  const revision = opts.bits === 40 ? 2 : 3;
  const keyLength = revision === 2 ? 5 : 16;
  // All permissions granted; the low two bits must be 0 and the reserved high bits 1.
  const p = -4;
  const id = md5('ice-policy-lens test document');

  // Algorithm 3: the O entry, from the owner password.
  let ownerHash = md5(pad(opts.ownerPassword ?? `${opts.userPassword}-owner`));
  if (revision === 3) for (let i = 0; i < 50; i++) ownerHash = md5(ownerHash);
  const ownerKey = ownerHash.slice(0, keyLength);
  let o = rc4(ownerKey, pad(opts.userPassword));
  if (revision === 3) for (let i = 1; i <= 19; i++) o = rc4(xorKey(ownerKey, i), o);

  // Algorithm 2: the file encryption key, from the user password.
  let key = md5(pad(opts.userPassword) + o + int32le(p) + id);
  if (revision === 3) for (let i = 0; i < 50; i++) key = md5(key.slice(0, keyLength));
  key = key.slice(0, keyLength);

  // Algorithms 4 and 5: the U entry, which lets a reader check a password.
  let u: string;
  if (revision === 2) {
    u = rc4(key, PASSWORD_PADDING);
  } else {
    u = rc4(key, md5(PASSWORD_PADDING + id));
    for (let i = 1; i <= 19; i++) u = rc4(xorKey(key, i), u);
    u += '\0'.repeat(16);
  }
  return { key, o, u, p, id, revision, keyLength };
}

/** Algorithm 1: each object is encrypted with a key derived from the file key and its number. */
function objectEncryptor(sec: SecurityValues): (num: number, data: string) => string {
  return (num, data) => {
    const objectKey = md5(
      `${sec.key}${String.fromCharCode(num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff)}\0\0`,
    );
    return rc4(objectKey.slice(0, Math.min(sec.keyLength + 5, 16)), data);
  };
}

/** A text PDF (same options as makePdf) that needs `userPassword` to open. */
export function makeEncryptedPdf(opts: TextPdfOptions & EncryptionOptions): Uint8Array {
  const sec = securityValues(opts);
  const { builder, root, info } = textPdfParts(opts);
  const encrypt = builder.add(
    sec.revision === 2
      ? `<< /Filter /Standard /V 1 /R 2 /O <${binaryToHex(sec.o)}> /U <${binaryToHex(sec.u)}> /P ${sec.p} >>`
      : `<< /Filter /Standard /V 2 /R 3 /Length 128 /O <${binaryToHex(sec.o)}> /U <${binaryToHex(sec.u)}> /P ${sec.p} >>`,
  );
  const idHex = binaryToHex(sec.id);
  return builder.build(root, {
    ...(info === undefined ? {} : { info }),
    trailerExtra: `/Encrypt ${encrypt} 0 R /ID [<${idHex}> <${idHex}>]`,
    encryptor: objectEncryptor(sec),
    unencrypted: [encrypt],
  });
}
