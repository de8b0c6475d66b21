import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { isSupportedFile } from '../sources/node-policy-file';

/** An input of the batch: a file to analyse, and whether it came from a folder. */
export interface BatchInput {
  file: string;
  fromFolder: boolean;
  /** Set when the input is already known to fail (an empty folder). */
  error?: string;
}

/** Every supported file under a folder, sorted so batches print in a stable order. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Hidden folders and dependencies are never policies, and node_modules is huge.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(full)));
    else if (entry.isFile() && isSupportedFile(full)) files.push(full);
  }
  return files;
}

/**
 * Expands the command line's inputs: files stay as given (a missing or unsupported one is reported
 * by the reader, with its name), folders become the supported files inside them. Other files in a
 * folder (a README, images) are skipped silently: the user did not name them.
 */
export async function collectInputs(inputs: readonly string[]): Promise<BatchInput[]> {
  const out: BatchInput[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (info?.isDirectory()) {
      const files = await filesUnder(input);
      if (files.length === 0)
        out.push({ file: input, fromFolder: true, error: 'folder holds no .txt, .html or .pdf file' });
      for (const file of files) out.push({ file, fromFolder: true });
    } else {
      out.push({ file: input, fromFolder: false });
    }
  }
  return out;
}
