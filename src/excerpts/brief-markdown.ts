import type { Excerpt } from './excerpt';
import { SAFE_SCHEME } from './source-link';
import { placeOf, type TownBrief, type TownQuestion, VERDICT_MARKS, VERDICT_WORDS } from './town-brief';

/**
 * A Markdown brief for one town: the seven-question scorecard from the saved excerpts, then under
 * each red (or mixed) question the quoted passages with section and page and the model language to
 * ask for. Quoted policy text is escaped so it reads as text, never as Markdown or HTML.
 */

/** Backslash-escape what Markdown would read as markup, and collapse line breaks. */
export function markdownText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>|~]/g, '\\$&') // brackets escaped, so "287(g)" can stay as it is
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^[-+#]/, '\\$&');
}

/** A link only for web and file URLs: an imported `javascript:` URL stays plain text. */
function markdownLink(text: string, url: string): string {
  if (!SAFE_SCHEME.test(url)) return `${text} (${markdownText(url)})`;
  return `[${text}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

function cite(excerpt: Excerpt): string {
  const place = placeOf(excerpt);
  const title = markdownText(excerpt.title ?? excerpt.url);
  return `— ${place ? `${place}, ` : ''}${markdownLink(title, excerpt.url)}`;
}

function passage(excerpt: Excerpt): string[] {
  const lines = [`> “${markdownText(excerpt.quote)}”`, `> ${cite(excerpt)}`, ''];
  if (excerpt.explanation) lines.push(`Why it matters: ${markdownText(excerpt.explanation)}`, '');
  if (excerpt.note.trim()) lines.push(`Our note: ${markdownText(excerpt.note)}`, '');
  return lines;
}

function questionSection(q: TownQuestion): string[] {
  const lines = [
    `## ${q.info.id}. ${markdownText(q.info.title)} — ${VERDICT_MARKS[q.verdict]} ${VERDICT_WORDS[q.verdict]}`,
    '',
    `*${markdownText(q.info.question)}*`,
    '',
  ];
  if (q.red.length > 0) lines.push('### What the policy says', '', ...q.red.flatMap(passage));
  if (q.green.length > 0) lines.push('### What it already does well', '', ...q.green.flatMap(passage));
  if (q.notes.length > 0) lines.push('### Other passages we noted', '', ...q.notes.flatMap(passage));
  if (q.info.modelLanguage.length > 0) {
    lines.push('### Language to ask for', '');
    for (const model of q.info.modelLanguage) {
      lines.push(`> “${markdownText(model.text)}”`, `> — ${markdownText(model.source)}`, '');
    }
  }
  return lines;
}

export function briefMarkdown(brief: TownBrief, date = new Date()): string {
  const lines = [
    `# ${markdownText(brief.town)}: police policy and cooperation with ICE`,
    '',
    `Brief built on ${date.toISOString().slice(0, 10)} from ${brief.count} saved ${brief.count === 1 ? 'excerpt' : 'excerpts'}, by the seven questions of the Massachusetts advocacy guide. Check every quote against the policy before use.`,
    '',
    'Documents quoted:',
    '',
    ...brief.documents.map((d) => `- ${markdownLink(markdownText(d.title ?? d.url), d.url)}`),
    '',
    '## Scorecard',
    '',
    '| # | Question | From the saved excerpts |',
    '| - | -------- | ----------------------- |',
    ...brief.questions.map(
      (q) =>
        `| ${q.info.id} | ${markdownText(q.info.title)} | ${VERDICT_MARKS[q.verdict]} ${VERDICT_WORDS[q.verdict]} (${q.red.length} red, ${q.green.length} green) |`,
    ),
    '',
  ];
  const concerns = brief.questions.filter((q) => q.verdict === 'red' || q.verdict === 'mixed');
  const rest = brief.questions.filter(
    (q) => q.verdict === 'green' || (q.verdict === 'none' && q.notes.length > 0),
  );
  for (const q of [...concerns, ...rest]) lines.push(...questionSection(q));
  if (brief.unassigned.length > 0) {
    lines.push('## Passages not yet sorted under a question', '', ...brief.unassigned.flatMap(passage));
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
