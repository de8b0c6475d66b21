import { readFile } from 'node:fs/promises';
import { type LoadedPolicy, SourceError } from './node-source-error';

// Windows-1252 bytes 0x80–0x9F (curly quotes, dashes, €…); the rest of the range is Latin-1.
// Spelled out because Node's TextDecoder treats "windows-1252" as plain Latin-1 in some builds.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes a text file: UTF-8 (with or without BOM), or Windows-1252 when the bytes are not valid
 * UTF-8 — policies exported from old word processors often are.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let text = '';
    for (const byte of bytes) {
      text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
    return text;
  }
}

/** The first non-empty line when it is short enough to be a heading; policies open with their title. */
export function titleFromFirstLine(text: string): string | null {
  const first = text
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line.length > 0);
  return first && first.length <= 120 ? first : null;
}

/** A plain-text policy (.txt). The text is handed over unchanged so report offsets index the file. */
export async function readTextFile(file: string): Promise<LoadedPolicy> {
  const text = decodeText(await readFile(file));
  if (text.trim().length === 0) throw new SourceError(file, 'is empty');
  return { document: { source: file, title: titleFromFirstLine(text), text }, warnings: [] };
}
