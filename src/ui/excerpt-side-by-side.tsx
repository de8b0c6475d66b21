import { collapseWhitespace } from '../excerpts/shorten';
import { sideBySideRows } from '../excerpts/side-by-side';
import { placeOf, type TownBrief, VERDICT_MARKS, VERDICT_WORDS } from '../excerpts/town-brief';
import { FLAG_NAMES } from './excerpt-card';

/** The town's passages next to the model language, question by question. */
export function ExcerptSideBySide({ brief }: { brief: TownBrief }) {
  const rows = sideBySideRows(brief);
  if (rows.length === 0) {
    return (
      <p>
        No excerpt of {brief.town} is sorted under a question yet. Edit an excerpt to choose its question.
      </p>
    );
  }
  return (
    <table class="pl-side-by-side">
      <caption>{brief.town}'s policy next to the model language</caption>
      <thead>
        <tr>
          <th scope="col">What {brief.town}'s policy says</th>
          <th scope="col">Language to ask for</th>
        </tr>
      </thead>
      {rows.map((row) => (
        <tbody key={row.question.info.id}>
          <tr>
            <th scope="rowgroup" colSpan={2}>
              {row.question.info.id}. {row.question.info.title} — {VERDICT_MARKS[row.question.verdict]}{' '}
              {VERDICT_WORDS[row.question.verdict]}
            </th>
          </tr>
          <tr>
            <td>
              {row.passages.map((excerpt) => (
                <blockquote key={excerpt.id} class={`pl-sbs-${excerpt.flag}`}>
                  <strong>{FLAG_NAMES[excerpt.flag]}: </strong>
                  {collapseWhitespace(excerpt.quote)}
                  {placeOf(excerpt) ? <footer>— {placeOf(excerpt)}</footer> : null}
                </blockquote>
              ))}
            </td>
            <td>
              {row.model.length === 0 ? (
                <p>No model language in the guide for this question.</p>
              ) : (
                row.model.map((model) => (
                  <blockquote key={model.source} class="pl-sbs-model">
                    {model.text}
                    <footer>— {model.source}</footer>
                  </blockquote>
                ))
              )}
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  );
}

export const excerptSideBySideCss = `
.pl-side-by-side { border-collapse: collapse; width: 100%; margin: 8px 0 24px; }
.pl-side-by-side caption { text-align: left; font-weight: 650; font-size: 18px; margin-bottom: 8px; }
.pl-side-by-side th, .pl-side-by-side td { border: 1px solid var(--pl-border); padding: 6px 8px; vertical-align: top;
  text-align: left; width: 50%; }
.pl-side-by-side blockquote { margin: 0 0 8px; padding: 4px 8px; white-space: pre-wrap; }
.pl-side-by-side footer { color: var(--pl-muted); font-size: 12px; }
.pl-sbs-red { border-left: 4px dashed var(--pl-red); } .pl-sbs-green { border-left: 5px double var(--pl-green); }
.pl-sbs-note { border-left: 4px solid var(--pl-mixed); } .pl-sbs-model { border-left: 4px dotted var(--pl-focus); }
`;
