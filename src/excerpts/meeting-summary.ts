import { shorten } from './shorten';
import { placeOf, type TownBrief, VERDICT_MARKS, VERDICT_WORDS } from './town-brief';

/**
 * A one-page summary to bring to a meeting with the chief, the town manager or council members (the
 * guide's step 3). Plain text the user edits before use: quotes are shortened and the number of
 * concerns capped so it fits on one printed page; [brackets] mark what the user must fill in.
 */

export const MAX_CONCERNS = 4;

export function meetingSummary(brief: TownBrief, date = new Date()): string {
  const concerns = brief.questions.filter((q) => q.verdict === 'red' || q.verdict === 'mixed');
  const strengths = brief.questions.filter((q) => q.verdict === 'green');
  const lines = [
    `${brief.town} police policy and cooperation with ICE — meeting summary`,
    `Prepared ${date.toISOString().slice(0, 10)} for a meeting with [the chief / town manager / council members].`,
    '',
    'Where the policy stands, by the seven questions of the Massachusetts advocacy guide:',
    ...brief.questions.map(
      (q) => `  ${VERDICT_MARKS[q.verdict]} ${q.info.id}. ${q.info.title}: ${VERDICT_WORDS[q.verdict]}`,
    ),
    '',
  ];
  if (concerns.length === 0) {
    lines.push('Our saved excerpts show no red flags. [Say what you want to keep or strengthen.]', '');
  } else {
    lines.push('Our main concerns:');
    concerns.slice(0, MAX_CONCERNS).forEach((q, i) => {
      const example = q.red[0];
      lines.push(`${i + 1}. ${q.info.title}.`);
      if (example) {
        const place = placeOf(example);
        lines.push(`   The policy says: “${shorten(example.quote, 220)}”${place ? ` (${place})` : ''}.`);
        if (example.explanation) lines.push(`   ${shorten(example.explanation, 200)}`);
      }
      const model = q.info.modelLanguage[0];
      if (model) lines.push(`   We ask for language like: “${shorten(model.text, 220)}” (${model.source}).`);
    });
    if (concerns.length > MAX_CONCERNS) {
      lines.push(
        `   Also of concern: ${concerns
          .slice(MAX_CONCERNS)
          .map((q) => q.info.title)
          .join('; ')}.`,
      );
    }
    lines.push('');
  }
  if (strengths.length > 0) {
    lines.push(`What already works: ${strengths.map((q) => q.info.title).join('; ')}.`, '');
  }
  lines.push(
    'Our asks:',
    ...(concerns.length > 0
      ? ['- Revise the policy on the points above, using the model language.']
      : ['- Keep the protections the policy has.']),
    '- Discuss and approve any changes in a public session.',
    '- [Add your own ask, and a date to follow up.]',
    '',
    'Contact: [name, phone, email]',
  );
  return `${lines.join('\n')}\n`;
}
