/**
 * A tiny, dependency-free PDF writer for tests and benchmarks.
 *
 * Hand-written rather than pdf-lib so that the tests control every byte: the same writer makes the
 * good PDFs, the encrypted one (see pdf-encryption.ts) and the broken ones, and a 1,000-page manual is
 * generated in milliseconds. Text uses the standard Type1 font Helvetica with WinAnsiEncoding, which
 * pdf.js maps back to Unicode without any embedded font, so text extraction is exact.
 *
 * Internally PDF content is kept as "binary strings" (one char = one byte, latin1) so that byte
 * offsets for the xref table are just string lengths.
 */

export interface TextPdfOptions {
  /** Lines of text per page; one inner array per page. */
  pages: string[][];
  /** Printed at the top of every page; `{page}` and `{pages}` are replaced. */
  header?: string;
  /** Printed at the bottom of every page; `{page}` and `{pages}` are replaced. */
  footer?: string;
  fontSize?: number;
  /** Document title in the Info dictionary (what pdf.js reports as metadata Title). */
  title?: string;
}

/** Encrypts one string or stream of object `num`; installed by pdf-encryption.ts. */
export type ObjectEncryptor = (num: number, data: string) => string;

interface PdfObject {
  dict: string;
  stream?: string;
}

/**
 * Collects numbered objects and serialises them with a correct xref table. Stream contents are
 * encrypted at serialisation time when an encryptor is given, so every generator can also produce
 * an encrypted variant.
 */
export class PdfBuilder {
  private readonly objects: (PdfObject | undefined)[] = [];

  /** Reserves an object number so that objects can refer to each other before they exist. */
  reserve(): number {
    this.objects.push(undefined);
    return this.objects.length;
  }

  set(num: number, dict: string, stream?: string): void {
    this.objects[num - 1] = stream === undefined ? { dict } : { dict, stream };
  }

  add(dict: string, stream?: string): number {
    const num = this.reserve();
    this.set(num, dict, stream);
    return num;
  }

  /**
   * @param trailerExtra extra trailer entries, e.g. `/Encrypt 9 0 R /ID [...]`
   * @param encryptor encrypts stream data per object (not applied to `unencrypted` objects)
   * @param unencrypted object numbers whose streams/strings must stay plain (the Encrypt dictionary)
   */
  build(
    root: number,
    opts: {
      info?: number;
      trailerExtra?: string;
      encryptor?: ObjectEncryptor;
      unencrypted?: number[];
    } = {},
  ): Uint8Array {
    const parts: string[] = ['%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'];
    let length = parts[0]!.length;
    const offsets: number[] = [];
    this.objects.forEach((obj, i) => {
      const num = i + 1;
      if (!obj) throw new Error(`PDF object ${num} was reserved but never set`);
      const encrypt = opts.encryptor && !opts.unencrypted?.includes(num) ? opts.encryptor : undefined;
      let dict = obj.dict;
      if (encrypt) dict = encryptHexStrings(dict, (s) => encrypt(num, s));
      let text = `${num} 0 obj\n`;
      if (obj.stream === undefined) {
        text += `${dict}\nendobj\n`;
      } else {
        const data = encrypt ? encrypt(num, obj.stream) : obj.stream;
        text += `${dict.replace(/>>\s*$/, '')} /Length ${data.length} >>\nstream\n${data}\nendstream\nendobj\n`;
      }
      offsets.push(length);
      parts.push(text);
      length += text.length;
    });
    const count = this.objects.length + 1;
    let xref = `xref\n0 ${count}\n0000000000 65535 f \n`;
    for (const offset of offsets) xref += `${String(offset).padStart(10, '0')} 00000 n \n`;
    const info = opts.info ? ` /Info ${opts.info} 0 R` : '';
    xref += `trailer\n<< /Size ${count} /Root ${root} 0 R${info}${opts.trailerExtra ? ` ${opts.trailerExtra}` : ''} >>\n`;
    xref += `startxref\n${length}\n%%EOF\n`;
    parts.push(xref);
    return binaryToBytes(parts.join(''));
  }
}

/**
 * Strings in dictionaries are written as hex (`<...>`) by this writer; with encryption each is
 * replaced by its encrypted bytes. Names and numbers are never written as hex, so this is safe here.
 */
function encryptHexStrings(dict: string, encrypt: (s: string) => string): string {
  return dict.replace(
    /<([0-9A-Fa-f]*)>/g,
    (_m, hex: string) => `<${binaryToHex(encrypt(hexToBinary(hex)))}>`,
  );
}

export function binaryToBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i) & 0xff;
  return bytes;
}

export function bytesToBinary(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  }
  return out;
}

export function binaryToHex(binary: string): string {
  let hex = '';
  for (let i = 0; i < binary.length; i++) hex += binary.charCodeAt(i).toString(16).padStart(2, '0');
  return hex;
}

function hexToBinary(hex: string): string {
  let out = '';
  for (let i = 0; i + 1 < hex.length; i += 2)
    out += String.fromCharCode(Number.parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** WinAnsiEncoding positions of the typographic characters policies use (curly quotes, dashes…). */
const WIN_ANSI_EXTRA: Record<string, number> = {
  '€': 0x80,
  '…': 0x85,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '™': 0x99,
};

/** Encodes text as a PDF literal string in WinAnsiEncoding; unmappable characters become "?". */
export function pdfLiteral(text: string): string {
  let out = '(';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    let byte: number;
    if (ch in WIN_ANSI_EXTRA) byte = WIN_ANSI_EXTRA[ch]!;
    else if ((code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff)) byte = code;
    else byte = 0x3f;
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

/** A hex string of UTF-16BE with BOM: how a PDF stores a Unicode text string (e.g. the Title). */
export function pdfTextString(text: string): string {
  let hex = 'feff';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;

function fill(template: string, page: number, pages: number): string {
  return template.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
}

/** The content stream of one text page: header, body lines top-down, footer. */
function textPageContent(lines: string[], page: number, opts: TextPdfOptions): string {
  const size = opts.fontSize ?? 10;
  const leading = Math.round(size * 1.3 * 10) / 10;
  const pages = opts.pages.length;
  const ops: string[] = [];
  if (opts.header) {
    ops.push(
      `BT /F1 ${size - 1} Tf ${MARGIN} ${PAGE_HEIGHT - 40} Td ${pdfLiteral(fill(opts.header, page, pages))} Tj ET`,
    );
  }
  if (lines.length > 0) {
    ops.push(`BT /F1 ${size} Tf ${leading} TL ${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`);
    lines.forEach((line, i) => {
      ops.push(`${i === 0 ? '' : 'T* '}${pdfLiteral(line)} Tj`);
    });
    ops.push('ET');
  }
  if (opts.footer) {
    ops.push(`BT /F1 ${size - 1} Tf ${MARGIN} 36 Td ${pdfLiteral(fill(opts.footer, page, pages))} Tj ET`);
  }
  return ops.join('\n');
}

/** Page tree, font and catalog for pages whose content streams are given; returns builder + root. */
function buildDocument(
  contents: string[],
  resources: (builder: PdfBuilder) => string,
  title: string | undefined,
): { builder: PdfBuilder; root: number; info?: number } {
  const builder = new PdfBuilder();
  const root = builder.reserve();
  const pagesNum = builder.reserve();
  const res = resources(builder);
  const kids: number[] = [];
  for (const content of contents) {
    const contentNum = builder.add('<< >>', content);
    kids.push(
      builder.add(
        `<< /Type /Page /Parent ${pagesNum} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources ${res} /Contents ${contentNum} 0 R >>`,
      ),
    );
  }
  builder.set(
    pagesNum,
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`,
  );
  builder.set(root, `<< /Type /Catalog /Pages ${pagesNum} 0 R >>`);
  const info =
    title === undefined ? undefined : builder.add(`<< /Title ${pdfTextString(title)} /Producer <> >>`);
  return info === undefined ? { builder, root } : { builder, root, info };
}

function helveticaResources(builder: PdfBuilder): string {
  const font = builder.add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  return `<< /Font << /F1 ${font} 0 R >> >>`;
}

/** The pieces of a text PDF before serialisation, so that pdf-encryption.ts can encrypt them. */
export function textPdfParts(opts: TextPdfOptions): { builder: PdfBuilder; root: number; info?: number } {
  const contents = opts.pages.map((lines, i) => textPageContent(lines, i + 1, opts));
  return buildDocument(contents, helveticaResources, opts.title);
}

/** A PDF with a real text layer: one inner array of lines per page. */
export function makePdf(opts: TextPdfOptions): Uint8Array {
  const { builder, root, info } = textPdfParts(opts);
  return info === undefined ? builder.build(root) : builder.build(root, { info });
}

/**
 * A "scanned" PDF: each page shows a grey image and has no text at all, like a photocopied policy
 * answered to a public records request. `pages` is the number of pages.
 */
export function makeImageOnlyPdf(pages = 1): Uint8Array {
  const contents = Array.from({ length: pages }, () => `q 468 0 0 600 72 96 cm /Im1 Do Q`);
  const { builder, root } = buildDocument(
    contents,
    (b) => {
      // 8×8 grey gradient, uncompressed: enough for pdf.js to paint, and obviously no glyphs.
      let pixels = '';
      for (let i = 0; i < 64; i++) pixels += String.fromCharCode(128 + i);
      const image = b.add(
        '<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 >>',
        pixels,
      );
      return `<< /XObject << /Im1 ${image} 0 R >> >>`;
    },
    undefined,
  );
  return builder.build(root);
}

/** A structurally valid PDF whose page tree is empty. */
export function makeZeroPagePdf(): Uint8Array {
  const { builder, root } = buildDocument([], () => '<< >>', undefined);
  return builder.build(root);
}

/** Bytes that are not a PDF at all, though the file may be named .pdf (an HTML error page, say). */
export function makeNotAPdf(): Uint8Array {
  return binaryToBytes(
    '<!doctype html><title>404 Not Found</title><p>The requested policy was not found.</p>\n',
  );
}

/**
 * A file that starts like a PDF but whose body is garbage: no objects, no xref, no trailer. pdf.js
 * cannot reconstruct anything from it and reports an InvalidPDFException.
 */
export function makeCorruptPdf(): Uint8Array {
  let junk = '%PDF-1.7\n';
  let seed = 7;
  for (let i = 0; i < 2048; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    // Avoid bytes that would form keywords pdf.js scans for ("obj", "trailer"): stay in 0x80..0xff.
    junk += String.fromCharCode(0x80 + (seed % 128));
  }
  return binaryToBytes(junk);
}

/** The first `fraction` of a PDF's bytes, like an interrupted download. */
export function truncatePdf(bytes: Uint8Array, fraction = 0.5): Uint8Array {
  return bytes.slice(0, Math.floor(bytes.length * fraction));
}
