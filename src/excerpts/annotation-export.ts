import type { Excerpt } from './excerpt';
import { pickExcerpt } from './excerpt';

/**
 * Excerpts as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/): each
 * excerpt is an Annotation whose target carries a TextQuoteSelector (exact/prefix/suffix), a
 * TextPositionSelector (start/end) and, for a PDF page, a FragmentSelector `page=N` (RFC 3778).
 * The note is a commenting TextualBody. What the model has no term for (question, flag, rule,
 * explanation, section, town, title, PDF fingerprint) sits in a `policyLens` object, so that an
 * import gives back exactly the excerpts that were exported.
 */

export const EXPORT_FORMAT = 'ice-policy-lens-excerpts';
export const EXPORT_FORMAT_VERSION = 1;
export const GENERATOR_NAME = 'ICE Policy Lens';
const PDF_FRAGMENT = 'http://tools.ietf.org/rfc/rfc3778';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}
export interface FragmentSelector {
  type: 'FragmentSelector';
  conformsTo: typeof PDF_FRAGMENT;
  value: string;
}
export type Selector = TextQuoteSelector | TextPositionSelector | FragmentSelector;

export interface ExcerptAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'highlighting';
  created: string;
  modified: string;
  body: { type: 'TextualBody'; purpose: 'commenting'; format: 'text/plain'; value: string }[];
  target: { source: string; selector: Selector[] };
  policyLens: Pick<
    Excerpt,
    'question' | 'flag' | 'rule' | 'explanation' | 'section' | 'town' | 'title' | 'pdfFingerprint'
  >;
}

export interface ExcerptCollection {
  '@context': ['http://www.w3.org/ns/anno.jsonld', { policyLens: string }];
  type: 'AnnotationCollection';
  label: string;
  policyLensFormat: typeof EXPORT_FORMAT;
  policyLensFormatVersion: number;
  generator: { type: 'Software'; name: string };
  generated: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: ExcerptAnnotation[] };
}

export function excerptToAnnotation(input: Excerpt): ExcerptAnnotation {
  const excerpt = pickExcerpt(input);
  const selector: Selector[] = [
    { type: 'TextQuoteSelector', exact: excerpt.quote, prefix: excerpt.prefix, suffix: excerpt.suffix },
    { type: 'TextPositionSelector', start: excerpt.start, end: excerpt.end },
  ];
  if (excerpt.page !== null) {
    selector.push({ type: 'FragmentSelector', conformsTo: PDF_FRAGMENT, value: `page=${excerpt.page}` });
  }
  return {
    id: `urn:uuid:${excerpt.id}`,
    type: 'Annotation',
    motivation: excerpt.flag === 'note' ? 'highlighting' : 'assessing',
    created: excerpt.created,
    modified: excerpt.modified,
    body:
      excerpt.note === ''
        ? []
        : [{ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: excerpt.note }],
    target: { source: excerpt.url, selector },
    policyLens: {
      question: excerpt.question,
      flag: excerpt.flag,
      rule: excerpt.rule,
      explanation: excerpt.explanation,
      section: excerpt.section,
      town: excerpt.town,
      title: excerpt.title,
      pdfFingerprint: excerpt.pdfFingerprint,
    },
  };
}

/** The collection as a JSON file's text; excerpts oldest first so the same set gives the same file. */
export function exportExcerptsJson(excerpts: readonly Excerpt[], generated = new Date()): string {
  const items = [...excerpts]
    .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))
    .map(excerptToAnnotation);
  const collection: ExcerptCollection = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { policyLens: 'urn:x-ice-policy-lens:' }],
    type: 'AnnotationCollection',
    label: 'Excerpts saved with ICE Policy Lens',
    policyLensFormat: EXPORT_FORMAT,
    policyLensFormatVersion: EXPORT_FORMAT_VERSION,
    generator: { type: 'Software', name: GENERATOR_NAME },
    generated: generated.toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
