/**
 * A quote as it is shown: runs of whitespace (a page source's line wraps and indents, a PDF's line and
 * page breaks) become one space. The stored quote keeps the document's exact text, which anchoring
 * needs; only what a person reads is collapsed.
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text cut to at most `max` characters at a word boundary, with "…" when cut; whitespace collapsed. */
export function shorten(text: string, max: number): string {
  const flat = collapseWhitespace(text);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
