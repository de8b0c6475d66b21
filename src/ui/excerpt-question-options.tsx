import { QUESTION_IDS } from '../excerpts/excerpt';
import { questionInfo } from '../rules/rule-book';

/** The options of an excerpt's question picker: "not sorted yet", then the guide's seven questions. */
export function ExcerptQuestionOptions() {
  return (
    <>
      <option value="">Not sorted yet</option>
      {QUESTION_IDS.map((q) => (
        <option key={q} value={String(q)}>
          {q}. {questionInfo(q).title}
        </option>
      ))}
    </>
  );
}
