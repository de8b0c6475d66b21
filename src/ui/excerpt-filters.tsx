import { QUESTION_IDS } from '../excerpts/excerpt';
import type { ExcerptFilter } from '../excerpts/excerpt-filter';
import { questionInfo } from '../rules/rule-book';

/** Town, question, flag and free-text search over the saved excerpts. */
export function ExcerptFilters({
  filter,
  towns,
  onChange,
}: {
  filter: ExcerptFilter;
  towns: string[];
  onChange: (filter: ExcerptFilter) => void;
}) {
  const set = (change: Partial<ExcerptFilter>) => onChange({ ...filter, ...change });
  return (
    <search class="pl-excerpt-filters" aria-label="Filter the excerpts">
      <label>
        Search
        <input
          type="search"
          value={filter.search}
          placeholder="Words in the quote, note or section"
          onInput={(e) => set({ search: e.currentTarget.value })}
        />
      </label>
      <label>
        Town
        <select value={filter.town} onChange={(e) => set({ town: e.currentTarget.value })}>
          <option value="">All towns</option>
          {towns.map((town) => (
            <option key={town} value={town}>
              {town}
            </option>
          ))}
        </select>
      </label>
      <label>
        Question
        <select
          value={String(filter.question)}
          onChange={(e) => {
            const value = e.currentTarget.value;
            set({
              question:
                value === '' || value === 'none' ? value : (Number(value) as ExcerptFilter['question']),
            });
          }}
        >
          <option value="">All questions</option>
          {QUESTION_IDS.map((q) => (
            <option key={q} value={String(q)}>
              {q}. {questionInfo(q).title}
            </option>
          ))}
          <option value="none">Not sorted yet</option>
        </select>
      </label>
      <label>
        Flag
        <select
          value={filter.flag}
          onChange={(e) => set({ flag: e.currentTarget.value as ExcerptFilter['flag'] })}
        >
          <option value="">Red, green and notes</option>
          <option value="red">Red flags</option>
          <option value="green">Green flags</option>
          <option value="note">Notes</option>
        </select>
      </label>
    </search>
  );
}

export const excerptFiltersCss = `
.pl-excerpt-filters { display: flex; gap: 12px; flex-wrap: wrap; align-items: end; margin: 0 0 16px; }
.pl-excerpt-filters label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: var(--pl-muted); }
.pl-excerpt-filters input, .pl-excerpt-filters select { font: 14px var(--pl-font); padding: 5px 7px; min-width: 12em;
  border: 1px solid var(--pl-border); border-radius: 6px; background: var(--pl-surface); color: var(--pl-text); }
.pl-excerpt-filters input[type=search] { min-width: 20em; }
`;
