/**
 * Guess the town or department a policy belongs to, from the document title first (it usually names
 * the department) and else from the URL's host (towns publish on e.g. bedfordma.gov). Only a guess:
 * the user can edit it on the excerpts page.
 */

const TITLE_PATTERNS: RegExp[] = [
  /\b(?:Town|City)\s+of\s+([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})/,
  /\b([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})\s+Police\s+(?:Department|Dept\.?|Policy|Policies|Manual)\b/,
  /\b([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,2})\s+PD\b/,
];

/** Words that precede "Police Department" but are not a town. */
const NOT_TOWNS = new Set([
  'The',
  'State',
  'Massachusetts',
  'University',
  'Campus',
  'Transit',
  'Our',
  'Your',
]);

/** Host parts that are not the town's name. */
const HOST_NOISE = /^(?:www\d?|police|pd|town|city|ci|townof|cityof|mass|ma|gov|us|org|com|net|docs|files)$/;

function fromTitle(title: string): string | null {
  for (const pattern of TITLE_PATTERNS) {
    const found = pattern.exec(title)?.[1];
    if (!found) continue;
    const words = found.split(/\s+/).filter((w) => !NOT_TOWNS.has(w));
    if (words.length > 0) return words.join(' ');
  }
  return null;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Hosts of platforms that publish many towns' documents: their name says nothing about the town. */
const PLATFORMS = new Set([
  'google',
  'lexipol',
  'powerdms',
  'amazonaws',
  'github',
  'dropbox',
  'scribd',
  'documentcloud',
  'muckrock',
  'localhost',
  'civicplus',
  'box',
  'microsoft',
  'sharepoint',
]);

function fromUrl(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  // The registrable name sits just before the public suffix: bedfordma.gov, ci.chicopee.ma.us.
  const labels = host.split('.').filter((label) => !HOST_NOISE.test(label));
  const label = labels[labels.length - 1];
  if (!label || /\d/.test(label) || PLATFORMS.has(label)) return null;
  const name = label
    .replace(/^(?:townof|cityof|town-of-|city-of-)/, '')
    .replace(/-?(?:ma|mass|police|pd)$/, '')
    .replace(/-/g, ' ')
    .trim();
  if (name.length < 3 || PLATFORMS.has(name)) return null;
  return name.split(' ').map(capitalise).join(' ');
}

/** Real titles are far shorter; the cap keeps TITLE_PATTERNS linear on a hostile title ("A-A-A-…" is quadratic). */
const TITLE_LIMIT = 300;

export function guessTown(title: string | null, url: string): string | null {
  return (title ? fromTitle(title.slice(0, TITLE_LIMIT)) : null) ?? fromUrl(url);
}
