import { stat } from 'node:fs/promises';
import path from 'node:path';
import { readHtmlFile } from './node-html-file';
import { readPdfFile } from './node-pdf-file';
import { type LoadedPolicy, SourceError } from './node-source-error';
import { readTextFile } from './node-text-file';

/** File types the CLI reads, by extension (lower case, with the dot). */
const READERS: Record<string, (file: string) => Promise<LoadedPolicy>> = {
  '.txt': readTextFile,
  '.text': readTextFile,
  '.html': readHtmlFile,
  '.htm': readHtmlFile,
  '.pdf': readPdfFile,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

export function isSupportedFile(file: string): boolean {
  return path.extname(file).toLowerCase() in READERS;
}

/** Reads a policy file of any supported type; every failure is a SourceError with a plain reason. */
export async function readPolicyFile(file: string): Promise<LoadedPolicy> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new SourceError(file, 'no such file');
  if (!info.isFile()) throw new SourceError(file, 'is not a file');
  const read = READERS[path.extname(file).toLowerCase()];
  if (!read) {
    throw new SourceError(file, `unsupported file type (use ${SUPPORTED_EXTENSIONS.join(', ')})`);
  }
  try {
    return await read(file);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'EACCES') throw new SourceError(file, 'cannot be read (permission denied)');
    throw new SourceError(file, `cannot be read (${(error as Error).message ?? String(error)})`);
  }
}
