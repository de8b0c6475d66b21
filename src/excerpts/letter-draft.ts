import { shorten } from './shorten';
import { placeOf, type TownBrief } from './town-brief';

/**
 * A first draft of a letter to the editor built from the saved excerpts. Newspapers want short,
 * personal letters, so it quotes at most MAX_EXAMPLES passages and leaves [brackets] for what only
 * the writer can say. The user edits it before sending; nothing is sent from the extension.
 */

export const MAX_EXAMPLES = 2;

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function letterDraft(brief: TownBrief): string {
  const town = brief.town;
  const concerns = brief.questions.filter((q) => q.verdict === 'red' || q.verdict === 'mixed');
  const paragraphs = [
    'To the editor:',
    `I live in ${town}, and I recently read our police department's policy on cooperation with federal immigration enforcement (ICE). [Say in a sentence why this matters to you.]`,
  ];
  if (concerns.length === 0) {
    paragraphs.push(
      `Measured against the seven questions of the Massachusetts advocacy guide, the passages I looked at protect residents well. [Name what you want kept, and why.]`,
    );
  } else {
    paragraphs.push(
      `Measured against the seven questions of the Massachusetts advocacy guide, the policy falls short on ${concerns.length === 1 ? 'one point' : `${concerns.length} points`}: ${list(concerns.map((q) => `“${q.info.title}”`))}.`,
    );
    for (const q of concerns.slice(0, MAX_EXAMPLES)) {
      const example = q.red[0];
      if (!example) continue;
      const place = placeOf(example);
      paragraphs.push(
        `On “${q.info.title}”, the policy says: “${shorten(example.quote, 300)}”${place ? ` (${place})` : ''}. [Say in your own words why this worries you.]`,
      );
    }
    const model = concerns.flatMap((q) => q.info.modelLanguage)[0];
    if (model) {
      paragraphs.push(
        `Other departments do better. The ${model.source} reads: “${shorten(model.text, 300)}”`,
      );
    }
    paragraphs.push(
      `I urge ${town}'s police chief and [the select board / city council] to adopt language like this, in a public session. [Add a meeting date or how readers can help.]`,
    );
  }
  paragraphs.push(`[Your name]\n[Your street or neighbourhood], ${town}`);
  return `${paragraphs.join('\n\n')}\n`;
}
