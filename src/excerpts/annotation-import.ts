import { EXPORT_FORMAT, EXPORT_FORMAT_VERSION } from './annotation-export';
import { type Excerpt, excerptProblems, pickExcerpt } from './excerpt';

/**
 * Reading an exported file back. EVERYTHING is checked before anything is written: the caller gets
 * either the full list of excerpts or an ImportError with a message for the user, never a half.
 */

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function annotationToExcerpt(item: unknown, index: number): Excerpt {
  const where = `Excerpt ${index + 1}`;
  if (!isObject(item) || item.type !== 'Annotation') throw new ImportError(`${where} is not an annotation.`);
  const id = typeof item.id === 'string' ? /^urn:uuid:(.+)$/.exec(item.id)?.[1] : undefined;
  const target = item.target;
  const lens = item.policyLens;
  if (!isObject(target) || !Array.isArray(target.selector) || !isObject(lens)) {
    throw new ImportError(`${where} has no target or no ICE Policy Lens details.`);
  }
  const selectors = target.selector.filter(isObject);
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  const page = selectors.find((s) => s.type === 'FragmentSelector');
  if (!quote || !position) throw new ImportError(`${where} lacks its quote or position selector.`);
  const pageNumber = page ? /^page=(\d+)$/.exec(String(page.value))?.[1] : undefined;
  if (page && pageNumber === undefined)
    throw new ImportError(`${where} has an unreadable page "${page.value}".`);
  const body = Array.isArray(item.body) ? item.body : [];
  const comment = body.find((b) => isObject(b) && b.purpose === 'commenting') as Json | undefined;
  if (body.length > 1 || (body.length === 1 && (!comment || typeof comment.value !== 'string'))) {
    throw new ImportError(`${where} has a note in a form ICE Policy Lens does not write.`);
  }
  const candidate: Record<string, unknown> = {
    id,
    created: item.created,
    modified: item.modified,
    quote: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    page: pageNumber === undefined ? null : Number(pageNumber),
    pdfFingerprint: lens.pdfFingerprint,
    url: target.source,
    title: lens.title,
    section: lens.section,
    town: lens.town,
    question: lens.question,
    flag: lens.flag,
    rule: lens.rule,
    explanation: lens.explanation,
    note: comment ? comment.value : '',
  };
  const problems = excerptProblems(candidate);
  if (problems.length > 0) throw new ImportError(`${where}: ${problems.join('; ')}.`);
  return pickExcerpt(candidate as unknown as Excerpt);
}

/** Parse and fully validate an exported file. Throws ImportError with a message for the user. */
export function parseExcerptsJson(fileText: string): Excerpt[] {
  let data: unknown;
  try {
    data = JSON.parse(fileText);
  } catch {
    throw new ImportError(
      'This file is not valid JSON, so it cannot be an excerpts export. Nothing was imported.',
    );
  }
  const notOurs =
    'This file was not exported by ICE Policy Lens (it is not an excerpts collection). Nothing was imported.';
  if (!isObject(data) || data.type !== 'AnnotationCollection' || data.policyLensFormat !== EXPORT_FORMAT) {
    throw new ImportError(notOurs);
  }
  const version = data.policyLensFormatVersion;
  if (typeof version !== 'number' || version > EXPORT_FORMAT_VERSION) {
    throw new ImportError(
      'This file was exported by a newer version of ICE Policy Lens; update the extension to import it. Nothing was imported.',
    );
  }
  const page = data.first;
  if (!isObject(page) || page.type !== 'AnnotationPage' || !Array.isArray(page.items)) {
    throw new ImportError(notOurs);
  }
  if (data.total !== page.items.length) {
    throw new ImportError(
      `The file says it holds ${String(data.total)} excerpts but has ${page.items.length}; it may be cut short. Nothing was imported.`,
    );
  }
  let excerpts: Excerpt[];
  try {
    excerpts = page.items.map(annotationToExcerpt);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(`${error.message} Nothing was imported.`);
    throw error;
  }
  const ids = new Set<string>();
  for (const excerpt of excerpts) {
    if (ids.has(excerpt.id))
      throw new ImportError(`The file holds excerpt ${excerpt.id} twice. Nothing was imported.`);
    ids.add(excerpt.id);
  }
  return excerpts;
}
