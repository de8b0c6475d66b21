import { escapeHtml } from './escape-html';
import type { Excerpt } from './excerpt';
import { printablePage } from './printable-page';
import { placeOf, type TownBrief, VERDICT_MARKS, VERDICT_WORDS } from './town-brief';

/**
 * The town's passages next to the model language, question by question: the shape the excerpts
 * page renders, and the same as a printable HTML page.
 */

export interface SideBySideRow {
  question: TownBrief['questions'][number];
  /** Red first (the asks), then notes, then green. */
  passages: Excerpt[];
  model: { source: string; text: string }[];
}

export function sideBySideRows(brief: TownBrief): SideBySideRow[] {
  return brief.questions
    .map((q) => ({ question: q, passages: [...q.red, ...q.notes, ...q.green], model: q.info.modelLanguage }))
    .filter((row) => row.passages.length > 0);
}

const FLAG_MARK: Record<Excerpt['flag'], string> = { red: '✗ Red', green: '✓ Green', note: '• Note' };

export function sideBySideHtml(brief: TownBrief): string {
  const title = `${brief.town}'s policy next to the model language`;
  const rows = sideBySideRows(brief).map((row) => {
    const town = row.passages
      .map((excerpt) => {
        const place = placeOf(excerpt);
        return `<blockquote class="${excerpt.flag}"><p><span class="mark">${FLAG_MARK[excerpt.flag]}:</span> “${escapeHtml(excerpt.quote)}”</p>${place ? `<p class="cite">— ${escapeHtml(place)}</p>` : ''}</blockquote>`;
      })
      .join('\n');
    const model =
      row.model.length > 0
        ? row.model
            .map(
              (m) =>
                `<blockquote class="model"><p>“${escapeHtml(m.text)}”</p><p class="cite">— ${escapeHtml(m.source)}</p></blockquote>`,
            )
            .join('\n')
        : '<p class="meta">No model language in the guide for this question.</p>';
    const q = row.question;
    return `<tr><th colspan="2">${q.info.id}. ${escapeHtml(q.info.title)} — ${VERDICT_MARKS[q.verdict]} ${VERDICT_WORDS[q.verdict]}</th></tr>\n<tr><td>${town}</td><td>${model}</td></tr>`;
  });
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<table><thead><tr><th>What ${escapeHtml(brief.town)}'s policy says</th><th>Language to ask for</th></tr></thead><tbody>`,
    rows.length > 0
      ? rows.join('\n')
      : '<tr><td colspan="2">No excerpt is sorted under a question yet.</td></tr>',
    '</tbody></table>',
  ];
  return printablePage(title, body.join('\n'));
}
