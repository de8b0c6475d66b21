import { escapeHtml } from './escape-html';
import type { Excerpt } from './excerpt';
import { printablePage } from './printable-page';
import { placeOf, type TownBrief, type TownQuestion, VERDICT_MARKS, VERDICT_WORDS } from './town-brief';

/** The Markdown brief's content as a printable HTML page. Every piece of text is escaped. */

const FLAG_LABEL: Record<Excerpt['flag'], string> = {
  red: '✗ Red flag',
  green: '✓ Green flag',
  note: '• Noted',
};

function safeHref(url: string): string | null {
  return /^(https?|file):/i.test(url) ? escapeHtml(url) : null;
}

function passageHtml(excerpt: Excerpt): string {
  const place = placeOf(excerpt);
  const title = escapeHtml(excerpt.title ?? excerpt.url);
  const href = safeHref(excerpt.url);
  const source = href ? `<a href="${href}">${title}</a>` : title;
  return [
    `<blockquote class="${excerpt.flag}">`,
    `<p><span class="mark">${FLAG_LABEL[excerpt.flag]}:</span> “${escapeHtml(excerpt.quote)}”</p>`,
    `<p class="cite">— ${place ? `${escapeHtml(place)}, ` : ''}${source}</p>`,
    excerpt.explanation ? `<p class="meta">Why it matters: ${escapeHtml(excerpt.explanation)}</p>` : '',
    excerpt.note.trim() ? `<p class="meta">Our note: ${escapeHtml(excerpt.note)}</p>` : '',
    '</blockquote>',
  ]
    .filter(Boolean)
    .join('\n');
}

function questionHtml(q: TownQuestion): string {
  const parts = [
    `<h2>${q.info.id}. ${escapeHtml(q.info.title)} — ${VERDICT_MARKS[q.verdict]} ${VERDICT_WORDS[q.verdict]}</h2>`,
    `<p><em>${escapeHtml(q.info.question)}</em></p>`,
  ];
  if (q.red.length > 0) parts.push('<h3>What the policy says</h3>', ...q.red.map(passageHtml));
  if (q.green.length > 0) parts.push('<h3>What it already does well</h3>', ...q.green.map(passageHtml));
  if (q.notes.length > 0) parts.push('<h3>Other passages we noted</h3>', ...q.notes.map(passageHtml));
  if (q.info.modelLanguage.length > 0) {
    parts.push('<h3>Language to ask for</h3>');
    for (const model of q.info.modelLanguage) {
      parts.push(
        `<blockquote class="model"><p>“${escapeHtml(model.text)}”</p><p class="cite">— ${escapeHtml(model.source)}</p></blockquote>`,
      );
    }
  }
  return parts.join('\n');
}

export function briefHtml(brief: TownBrief, date = new Date()): string {
  const title = `${brief.town}: police policy and cooperation with ICE`;
  const rows = brief.questions
    .map(
      (q) =>
        `<tr><td>${q.info.id}</td><td>${escapeHtml(q.info.title)}</td><td><span class="mark">${VERDICT_MARKS[q.verdict]}</span> ${VERDICT_WORDS[q.verdict]} (${q.red.length} red, ${q.green.length} green)</td></tr>`,
    )
    .join('\n');
  const concerns = brief.questions.filter((q) => q.verdict === 'red' || q.verdict === 'mixed');
  const rest = brief.questions.filter(
    (q) => q.verdict === 'green' || (q.verdict === 'none' && q.notes.length > 0),
  );
  const body = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">Brief built on ${date.toISOString().slice(0, 10)} from ${brief.count} saved excerpts, by the seven questions of the Massachusetts advocacy guide. Check every quote against the policy before use.</p>`,
    '<h2>Scorecard</h2>',
    `<table><thead><tr><th>#</th><th>Question</th><th>From the saved excerpts</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    ...[...concerns, ...rest].map(questionHtml),
    brief.unassigned.length > 0
      ? `<h2>Passages not yet sorted under a question</h2>\n${brief.unassigned.map(passageHtml).join('\n')}`
      : '',
  ];
  return printablePage(title, body.filter(Boolean).join('\n'));
}
