/**
 * The cheap check run on every page in automatic mode, before anything heavier: does this page look like
 * a police policy that mentions immigration? It reads the title and at most the first BUDGET characters
 * of text nodes, with no layout and no style, so it costs well under a millisecond on ordinary pages.
 */

const BUDGET = 30_000;
const IMMIGRATION = /\b(?:immigra|detainer|deport|I-247|287\s*\(g\))/i;
// Capitals only: "ice" on roads and in recipes is not the agency.
const ICE = /\bICE\b/;
const POLICY = /\b(polic(?:y|ies)|procedures?|directives?|general orders?|officers?|department|police)\b/i;

export function looksLikePolicyPage(doc: Document): boolean {
  const root = doc.body;
  if (!root) return false;
  let text = `${doc.title}\n`;
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node && text.length < BUDGET; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    text += (node as Text).data.slice(0, BUDGET - text.length);
  }
  return (IMMIGRATION.test(text) || ICE.test(text)) && POLICY.test(text);
}
