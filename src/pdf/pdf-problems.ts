/**
 * Why a PDF could not be shown, in words a reader can act on. The viewer never answers a bad PDF
 * with a silent "no flags": every failure becomes one of these, with a title and the reason.
 */

export type PdfProblemKind =
  | 'not-found'
  | 'http-error'
  | 'blocked'
  | 'needs-permission'
  | 'file-access'
  | 'network'
  | 'not-pdf'
  | 'corrupt'
  | 'password-cancelled'
  | 'no-pages'
  | 'unknown';

export interface PdfProblem {
  kind: PdfProblemKind;
  title: string;
  detail: string;
}

export class PdfProblemError extends Error {
  constructor(readonly problem: PdfProblem) {
    super(`${problem.title}: ${problem.detail}`);
    this.name = 'PdfProblemError';
  }
}

export function httpProblem(status: number, statusText: string, url: string): PdfProblem {
  const where = hostOf(url);
  if (status === 404 || status === 410) {
    return {
      kind: 'not-found',
      title: 'PDF not found',
      detail: `${where} answered ${status} (not found). The file may have moved; open the original link to check.`,
    };
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'blocked',
      title: 'The server refused to send the PDF',
      detail: `${where} answered ${status}${statusText ? ` (${statusText})` : ''}. It may need you to sign in, or it blocks downloads by programs; open the original and save the file, then open it here with "Open file".`,
    };
  }
  return {
    kind: 'http-error',
    title: 'The PDF could not be downloaded',
    detail: `${where} answered ${status}${statusText ? ` (${statusText})` : ''}.`,
  };
}

export function needsPermissionProblem(url: string): PdfProblem {
  return {
    kind: 'needs-permission',
    title: 'Permission needed to read this PDF',
    detail: `ICE Policy Lens may only read files from ${hostOf(url)} with your permission. Allow it, and the PDF is downloaded directly from that site; nothing is sent anywhere else.`,
  };
}

export function fileAccessProblem(): PdfProblem {
  return {
    kind: 'file-access',
    title: 'Local files need your permission',
    detail:
      'The browser does not let extensions read files on your computer by default. Either turn on "Allow access to file URLs" for ICE Policy Lens on the extensions page, or choose the file with "Open file" (or drop it on this page).',
  };
}

export function networkProblem(url: string, reason: string): PdfProblem {
  return {
    kind: 'network',
    title: 'The PDF could not be downloaded',
    detail: `Reading from ${hostOf(url)} failed (${reason}). The site may be offline or blocking the download.`,
  };
}

export const NOT_A_PDF: PdfProblem = {
  kind: 'not-pdf',
  title: 'This is not a PDF',
  detail:
    'The file does not start like a PDF (it may be a web page or an error message saved with a .pdf name).',
};

export function corruptProblem(reason: string): PdfProblem {
  return {
    kind: 'corrupt',
    title: 'The PDF is damaged',
    detail: `It could not be read (${reason}). It may be incomplete: download it again, or ask the department for a new copy.`,
  };
}

export const PASSWORD_CANCELLED: PdfProblem = {
  kind: 'password-cancelled',
  title: 'The PDF is password-protected',
  detail: 'It cannot be read without its password. Ask whoever sent it for the password, then open it again.',
};

export const NO_PAGES: PdfProblem = {
  kind: 'no-pages',
  title: 'The PDF has no pages',
  detail: 'The file is a valid PDF but contains no pages to read.',
};

/** Sorts a pdf.js loading error into a problem (by its `name`, which pdf.js keeps stable). */
export function problemFromPdfjsError(error: unknown): PdfProblem {
  if (error instanceof PdfProblemError) return error.problem;
  const name = (error as { name?: unknown })?.name;
  const message = String((error as { message?: unknown })?.message ?? error);
  if (name === 'InvalidPDFException') return corruptProblem(message);
  if (name === 'MissingPDFException') {
    return { kind: 'not-found', title: 'PDF not found', detail: message };
  }
  if (name === 'PasswordException') return PASSWORD_CANCELLED;
  if (name === 'FormatError' || name === 'UnknownErrorException') return corruptProblem(message);
  return { kind: 'unknown', title: 'The PDF could not be opened', detail: message };
}

/** True when bytes look like a PDF: "%PDF-" within the first KB, as readers accept. */
export function startsLikePdf(bytes: Uint8Array): boolean {
  const head = String.fromCharCode(...bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? 'your computer' : parsed.host;
  } catch {
    return 'the server';
  }
}
