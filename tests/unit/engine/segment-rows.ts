import { segment } from '../../../src/engine/segment';

/** The segments of `text` as readable rows: [kind, text, lead-in text or null]. */
export function rows(text: string) {
  const segs = segment(text);
  return segs.map((s) => {
    const lead = s.leadIn >= 0 ? segs[s.leadIn]! : null;
    return [s.kind, text.slice(s.start, s.end), lead ? text.slice(lead.start, lead.end) : null];
  });
}

/** The text of each segment, in order. */
export const sentences = (text: string) => segment(text).map((s) => text.slice(s.start, s.end));
