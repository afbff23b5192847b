import { useTranslation } from 'react-i18next';
import { Field } from '../ui/field';
import { emptyQuestion, type QuestionDraft } from './course-draft';

/**
 * A quiz's questions: each with its text, its choices and a radio marking the right one (`answer`).
 * `path` is the API path of the lesson (`lessons.2`), so the server's errors land on their question.
 */
export function QuizFields({
  name,
  path,
  questions,
  onChange,
  errorOf,
}: {
  /** Unique on the page: names the radio groups. */
  name: string;
  path: string;
  questions: QuestionDraft[];
  onChange: (next: QuestionDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<QuestionDraft>) => onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <div className="quiz-fields" data-testid="quiz-fields">
      {questions.map((q, i) => {
        const at = `${path}.questions.${i}`;
        const setChoice = (c: number, text: string) => set(i, { choices: q.choices.map((x, k) => (k === c ? text : x)) });
        const removeChoice = (c: number) =>
          set(i, {
            choices: q.choices.filter((_, k) => k !== c),
            answer: q.answer === c ? 0 : q.answer > c ? q.answer - 1 : q.answer,
          });
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: questions are edited in place; their order is their identity
          <fieldset className="quiz-question" key={i} data-question={i}>
            <legend>{t('training.editor.questionN', { n: i + 1 })}</legend>
            <Field label={t('training.editor.question')} error={errorOf(`${at}.q`)}>
              <input name={`${name}-q${i}`} value={q.q} onChange={(e) => set(i, { q: e.target.value })} />
            </Field>
            <div className="choices" role="radiogroup" aria-label={t('training.editor.rightAnswer')}>
              {q.choices.map((choice, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: choices are edited in place; their order is their identity
                <div className="choice-row" key={c}>
                  <input
                    type="radio"
                    name={`${name}-answer${i}`}
                    checked={q.answer === c}
                    aria-label={t('training.editor.markRight', { n: c + 1 })}
                    onChange={() => set(i, { answer: c })}
                  />
                  <input
                    className="choice-text"
                    name={`${name}-q${i}-choice${c}`}
                    aria-label={t('training.editor.choiceN', { n: c + 1 })}
                    value={choice}
                    aria-invalid={errorOf(`${at}.choices.${c}`) ? true : undefined}
                    onChange={(e) => setChoice(c, e.target.value)}
                  />
                  <button
                    type="button"
                    className="btn small"
                    disabled={q.choices.length <= 2}
                    aria-label={t('training.editor.removeChoice', { n: c + 1 })}
                    onClick={() => removeChoice(c)}
                  >
                    ×
                  </button>
                </div>
              ))}
            </div>
            {(errorOf(`${at}.choices`) || errorOf(`${at}.answer`)) && (
              <small className="field-error" data-field={`${at}.choices`}>
                {errorOf(`${at}.choices`) ?? errorOf(`${at}.answer`)}
              </small>
            )}
            <div className="row-actions">
              <button type="button" className="btn small" onClick={() => set(i, { choices: [...q.choices, ''] })}>
                {t('training.editor.addChoice')}
              </button>
              <button
                type="button"
                className="btn small"
                disabled={questions.length <= 1}
                onClick={() => onChange(questions.filter((_, j) => j !== i))}
              >
                {t('training.editor.removeQuestion')}
              </button>
            </div>
          </fieldset>
        );
      })}
      {errorOf(`${path}.questions`) && !questions.some((_, i) => errorOf(`${path}.questions.${i}`)) && (
        <small className="field-error" data-field={`${path}.questions`}>
          {errorOf(`${path}.questions`)}
        </small>
      )}
      <button
        type="button"
        className="btn small"
        data-testid="add-question"
        onClick={() => onChange([...questions, emptyQuestion()])}
      >
        {t('training.editor.addQuestion')}
      </button>
    </div>
  );
}
