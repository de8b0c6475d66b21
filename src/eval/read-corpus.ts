import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from '../sources/node-text-file';
import type { CardAnswer, Label, LabelledDocument } from './score';

/**
 * Reads a labelled folder (the format of shared/corpus/docs): `<slug>.txt`, `<slug>.labels.json` and
 * `<slug>.card.json`. Lines that start with `[[` are collector notes and are removed before analysis,
 * as the labelling rules say; labels never cross them, so every quote still occurs in what is left.
 */

/** The text without its `[[ … ]]` collector-note lines (each removed with its line break). */
export function withoutCollectorNotes(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('[['))
    .join('\n');
}

export async function readLabelledFolder(folder: string): Promise<LabelledDocument[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.txt')).sort();
  const docs: LabelledDocument[] = [];
  for (const name of names) {
    const slug = name.slice(0, -4);
    const base = path.join(folder, slug);
    const text = withoutCollectorNotes(decodeText(await readFile(`${base}.txt`)));
    const labels = JSON.parse(await readFile(`${base}.labels.json`, 'utf8')) as Label[];
    const card = JSON.parse(await readFile(`${base}.card.json`, 'utf8')) as Record<string, CardAnswer>;
    docs.push({ slug, text, labels, card });
  }
  return docs;
}
