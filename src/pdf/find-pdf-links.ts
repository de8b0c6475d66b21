/**
 * PDFs a web page embeds (iframe, embed, object) or links to, for the side panel's "PDFs on this
 * page" list. Self-contained on purpose (no imports, no outer helpers): the side panel runs it
 * inside the tab with `scripting.executeScript({ func: findPdfLinks })`, which sends only the
 * function's own source.
 */

export interface PdfLink {
  url: string;
  /** What the page calls it: link text, title, or the file name. */
  label: string;
  kind: 'embedded' | 'link';
  /** The label or address mentions policy, immigration, ICE, detainers…: listed first. */
  relevant: boolean;
}

export function findPdfLinks(root: ParentNode = document, limit = 50): PdfLink[] {
  const base = document.baseURI;
  const relevantWords = /polic|immigra|\bice\b|detain|287\s*\(?g|general order|procedure|manual/i;
  const absolute = (value: string | null): string | null => {
    if (!value) return null;
    try {
      const url = new URL(value, base);
      return /^(https?|file):$/.test(url.protocol) ? url.href : null;
    } catch {
      return null;
    }
  };
  const isPdf = (url: string, type: string | null): boolean => {
    if (type && /application\/pdf/i.test(type)) return true;
    try {
      const { pathname } = new URL(url);
      return /\.pdf$/i.test(pathname) || /\/DocumentCenter\/View\//i.test(pathname);
    } catch {
      return false;
    }
  };
  // Viewers that wrap a PDF address in a parameter (…/viewer?url=…pdf, pdf.js's ?file=…).
  const unwrap = (url: string): string => {
    try {
      const params = new URL(url).searchParams;
      for (const key of ['url', 'file', 'src']) {
        const inner = params.get(key);
        if (inner && /\.pdf($|[?#])/i.test(inner)) return new URL(inner, url).href;
      }
    } catch {
      // not a URL with parameters
    }
    return url;
  };
  const fileName = (url: string): string => {
    try {
      return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? url);
    } catch {
      return url;
    }
  };
  const found = new Map<string, PdfLink>();
  const add = (raw: string | null, type: string | null, label: string, kind: PdfLink['kind']) => {
    const url = absolute(raw);
    if (!url) return;
    const target = unwrap(url);
    if (!isPdf(target, type)) return;
    const key = target.split('#')[0] ?? target;
    const existing = found.get(key);
    const name = label.replace(/\s+/g, ' ').trim().slice(0, 140) || fileName(target);
    if (existing) {
      if (kind === 'embedded') existing.kind = 'embedded';
      return;
    }
    found.set(key, { url: target, label: name, kind, relevant: relevantWords.test(`${name} ${target}`) });
  };
  for (const el of root.querySelectorAll('iframe[src], embed[src]')) {
    add(el.getAttribute('src'), el.getAttribute('type'), el.getAttribute('title') ?? '', 'embedded');
  }
  for (const el of root.querySelectorAll('object[data]')) {
    add(
      el.getAttribute('data'),
      el.getAttribute('type'),
      el.getAttribute('title') ?? el.textContent ?? '',
      'embedded',
    );
  }
  for (const el of root.querySelectorAll('a[href]')) {
    add(
      el.getAttribute('href'),
      el.getAttribute('type'),
      el.textContent || el.getAttribute('title') || '',
      'link',
    );
  }
  const rank = (link: PdfLink) => (link.kind === 'embedded' ? 0 : 2) + (link.relevant ? 0 : 1);
  return [...found.values()].sort((a, b) => rank(a) - rank(b)).slice(0, limit);
}
