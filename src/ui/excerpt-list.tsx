import type { Excerpt } from '../excerpts/excerpt';
import { QUESTION_IDS } from '../excerpts/excerpt';
import { townOf, UNKNOWN_TOWN } from '../excerpts/town-brief';
import { questionInfo } from '../rules/rule-book';
import { ExcerptCard, type ExcerptCardProps } from './excerpt-card';

/** The excerpts grouped by town, then by the guide's questions in order (unsorted ones last). */
export function ExcerptList({
  excerpts,
  ...card
}: { excerpts: Excerpt[] } & Omit<ExcerptCardProps, 'excerpt'>) {
  const towns = [...new Set(excerpts.map(townOf))].sort((a, b) =>
    a === UNKNOWN_TOWN ? 1 : b === UNKNOWN_TOWN ? -1 : a.localeCompare(b),
  );
  return (
    <div class="pl-excerpt-list">
      {towns.map((town) => {
        const mine = excerpts.filter((e) => townOf(e) === town);
        const groups = [...QUESTION_IDS, null].map((question) => ({
          question,
          items: mine
            .filter((e) => e.question === question)
            .sort((a, b) => (a.page ?? 0) - (b.page ?? 0) || a.start - b.start),
        }));
        return (
          <section key={town} class="pl-excerpt-town" aria-label={town}>
            <h2>
              {town} <span class="pl-count">({mine.length})</span>
            </h2>
            {groups
              .filter((g) => g.items.length > 0)
              .map((g) => (
                <section key={String(g.question)} class="pl-excerpt-question">
                  <h3>
                    {g.question === null
                      ? 'Not sorted under a question yet'
                      : `${g.question}. ${questionInfo(g.question).title}`}
                  </h3>
                  {g.items.map((excerpt) => (
                    <ExcerptCard key={excerpt.id} excerpt={excerpt} {...card} />
                  ))}
                </section>
              ))}
          </section>
        );
      })}
    </div>
  );
}

export const excerptListCss = `
.pl-excerpt-town > h2 { font-size: 20px; margin: 24px 0 8px; border-bottom: 2px solid var(--pl-border); padding-bottom: 4px; }
.pl-excerpt-question > h3 { font-size: 15px; margin: 14px 0 8px; }
.pl-count { color: var(--pl-muted); font-weight: normal; font-size: 14px; }
`;
