import { parseExcerptsJson } from './annotation-import';
import { listExcerpts, putExcerpts } from './excerpt-store';

export interface ImportSummary {
  added: number;
  /** Excerpts already saved (same id) that the file's version replaced. */
  replaced: number;
}

/**
 * Import an exported file: it is parsed and validated whole first (ImportError on any problem),
 * then written in one storage call, so a broken file changes nothing.
 */
export async function importExcerptsFile(fileText: string): Promise<ImportSummary> {
  const incoming = parseExcerptsJson(fileText);
  const existing = new Set((await listExcerpts()).map((excerpt) => excerpt.id));
  await putExcerpts(incoming);
  const replaced = incoming.filter((excerpt) => existing.has(excerpt.id)).length;
  return { added: incoming.length - replaced, replaced };
}
