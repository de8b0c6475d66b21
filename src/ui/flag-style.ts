/**
 * How a flag looks, shared by the web page, the PDF viewer, the popup and the scorecard.
 *
 * Red and green must be told apart without colour (colour-blind readers, greyscale printouts):
 * red is a WAVY underline and a stop-sign icon, green a SOLID DOUBLE underline and a check-mark icon,
 * Lexipol boilerplate a DOTTED line above the text and an "L" badge. The tints are translucent so that they keep
 * contrast on light and dark pages; the underline inks are chosen per page darkness.
 */

export type HighlightKind = 'red' | 'green' | 'lexipol' | 'excerpt';

/** Kinds in painting order: later kinds paint over earlier ones where passages overlap. */
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ['lexipol', 'green', 'red', 'excerpt'];

/** Names in the document-wide `CSS.highlights` registry (shared by the page and our content script). */
export const HIGHLIGHT_NAMES: Readonly<Record<HighlightKind, string>> = {
  red: 'policy-lens-red',
  green: 'policy-lens-green',
  lexipol: 'policy-lens-lexipol',
  excerpt: 'policy-lens-excerpt',
};

/** Same names as `data-policy-lens` values on `<mark>` elements when the Highlight API is missing. */
export const MARK_ATTRIBUTE = 'data-policy-lens';

interface Ink {
  /** Underline and icon colour. */
  line: string;
  /** Background tint of the passage. */
  tint: string;
}

/** Inks for light pages (dark text on light background) and dark pages. */
export const FLAG_INKS: Readonly<Record<'light' | 'dark', Readonly<Record<HighlightKind, Ink>>>> = {
  light: {
    red: { line: '#c5221f', tint: 'rgba(234, 67, 53, 0.16)' },
    green: { line: '#137333', tint: 'rgba(52, 168, 83, 0.16)' },
    lexipol: { line: '#7b3fb5', tint: 'transparent' },
    excerpt: { line: '#8a5a00', tint: 'rgba(251, 188, 4, 0.28)' },
  },
  dark: {
    red: { line: '#ff8a80', tint: 'rgba(255, 110, 100, 0.24)' },
    green: { line: '#81e6a0', tint: 'rgba(90, 210, 130, 0.22)' },
    lexipol: { line: '#d0a8ff', tint: 'transparent' },
    excerpt: { line: '#ffd166', tint: 'rgba(255, 209, 102, 0.25)' },
  },
};

/** Underline style per kind: the non-colour cue. */
export const FLAG_LINE_STYLE: Readonly<Record<HighlightKind, 'wavy' | 'double' | 'dotted' | 'solid'>> = {
  red: 'wavy',
  green: 'double',
  lexipol: 'dotted',
  excerpt: 'solid',
};

/** Words used next to the icons, so that screen readers and greyscale readers get the same meaning. */
export const FLAG_WORDS: Readonly<Record<HighlightKind, string>> = {
  red: 'Red flag',
  green: 'Green flag',
  lexipol: 'Lexipol language',
  excerpt: 'Saved excerpt',
};

/** Neutral focus tint of the flash after a jump (blue, as browsers draw focus), per page scheme. */
const FLASH_TINT: Readonly<Record<'light' | 'dark', string>> = {
  light: 'rgba(26, 115, 232, 0.28)',
  dark: 'rgba(138, 180, 248, 0.4)',
};

/** Name of the extra highlight used to flash a passage after a jump. */
export const FLASH_HIGHLIGHT_NAME = 'policy-lens-flash';

/**
 * CSS for the page itself: the `::highlight()` rules and the `<mark>` fallback. Only properties that the
 * Highlight API allows (colours, text-decoration) are used, so both paths look the same.
 */
export function pageHighlightCss(scheme: 'light' | 'dark'): string {
  const inks = FLAG_INKS[scheme];
  const rules: string[] = [];
  for (const kind of HIGHLIGHT_KINDS) {
    const ink = inks[kind];
    // Lexipol draws ABOVE the line, so it still shows where a red or green underline overlaps it.
    const decoration = `${kind === 'lexipol' ? 'overline' : 'underline'} ${FLAG_LINE_STYLE[kind]} ${ink.line}`;
    const thickness = kind === 'red' ? '1.5px' : kind === 'green' ? '3px' : '2px';
    const body = `background-color: ${ink.tint}; text-decoration: ${decoration}; text-decoration-thickness: ${thickness}; text-underline-offset: 3px; text-decoration-skip-ink: none;`;
    rules.push(`::highlight(${HIGHLIGHT_NAMES[kind]}) { ${body} }`);
    // The fallback must survive hostile page CSS such as `mark { display: none }`.
    rules.push(
      `mark[${MARK_ATTRIBUTE}="${kind}"] { all: unset !important; display: inline !important; color: inherit !important; ${body
        .split(';')
        .filter((d) => d.trim())
        .map((d) => `${d.trim()} !important`)
        .join('; ')}; cursor: pointer !important; }`,
    );
  }
  // The flash marks WHERE a jump landed, whatever the passage's colour: a neutral focus tint, so a
  // green passage never flashes red (its own underline still says red or green).
  const flash = `background-color: ${FLASH_TINT[scheme]};`;
  rules.push(`::highlight(${FLASH_HIGHLIGHT_NAME}) { ${flash} color: inherit; }`);
  rules.push(
    `mark[${MARK_ATTRIBUTE}][data-policy-lens-flash] { background-color: ${FLASH_TINT[scheme]} !important; }`,
  );
  return rules.join('\n');
}

/** Icon glyph paths (24×24 viewBox), drawn as inline SVG by `FlagIcon`: shape differs, not only colour. */
export const FLAG_ICON_PATHS: Readonly<Record<HighlightKind | 'mixed' | 'silent', string>> = {
  // Octagon (stop sign) with an exclamation mark.
  red: 'M7.86 2h8.28L22 7.86v8.28L16.14 22H7.86L2 16.14V7.86L7.86 2zM11 7v6h2V7h-2zm0 8v2h2v-2h-2z',
  // Circle with a check mark.
  green:
    'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1.4 14.2-4.3-4.3 1.4-1.4 2.9 2.9 6.2-6.2 1.4 1.4-7.6 7.6z',
  // Rounded square with an L.
  lexipol: 'M5 3h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm4 4v10h7v-2h-5V7H9z',
  // Bookmark.
  excerpt: 'M6 2h12a1 1 0 0 1 1 1v19l-7-4-7 4V3a1 1 0 0 1 1-1z',
  // Half-filled circle: some red, some green.
  mixed: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2v16a8 8 0 0 1 0-16z',
  // Empty circle with a dash: nothing found.
  silent: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zM7 11h10v2H7v-2z',
};
