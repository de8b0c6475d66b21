import { escapeHtml } from './escape-html';

/**
 * A standalone HTML document for printing (or "Save as PDF") from the browser. No scripts, no
 * external resources: it must open offline and show exactly the escaped text handed in. Red and
 * green differ by a printed mark and a border pattern as well as colour, so they survive
 * black-and-white printers and colour blindness.
 */
const STYLE = `
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; padding: 0 1em; color: #111; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1em; } table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: .3em .5em; text-align: left; vertical-align: top; }
blockquote { margin: .6em 0; padding: .4em .8em; border-left: 4px solid #777; }
blockquote.red { border-left: 6px double #b00020; background: #fdecee; }
blockquote.green { border-left: 6px solid #1b7a3a; background: #eaf6ee; }
blockquote.model { border-left: 6px dotted #1b4f9c; background: #eef3fb; }
.cite, .meta { font-size: .9em; color: #444; } .mark { font-weight: bold; }
@media print { body { margin: 0; } h2 { break-after: avoid; } blockquote { break-inside: avoid; } }
`;

export function printablePage(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${bodyHtml}
</body>
</html>
`;
}
