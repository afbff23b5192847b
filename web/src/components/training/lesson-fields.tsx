import { useTranslation } from 'react-i18next';
import { LESSON_KINDS, type LessonKind } from '../../data/training-enums';
import { Field } from '../ui/field';
import { emptyLesson, emptyQuestion, type LessonDraft, moved } from './course-draft';
import { QuizFields } from './quiz-fields';

/** The course's lessons in order: add, remove, move up and down; each with the fields of its kind. */
export function LessonsFields({
  lessons,
  onChange,
  errorOf,
}: {
  lessons: LessonDraft[];
  onChange: (next: LessonDraft[]) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<LessonDraft>) => onChange(lessons.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setKind = (i: number, kind: LessonKind) => {
    const l = lessons[i];
    set(i, { kind, questions: kind === 'quiz' && l && l.questions.length === 0 ? [emptyQuestion()] : (l?.questions ?? []) });
  };
  return (
    <fieldset className="lessons" data-testid="lessons">
      <legend>{t('training.editor.lessons')}</legend>
      {lessons.length === 0 && <p className="muted small">{t('training.editor.noLessons')}</p>}
      <ol className="lesson-list">
        {lessons.map((l, i) => {
          const at = `lessons.${i}`;
          return (
            <li key={l.key} className="lesson-card card" data-testid="lesson-card" data-kind={l.kind}>
              <div className="lesson-head">
                <h3>{t('training.editor.lessonN', { n: i + 1 })}</h3>
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn small"
                    disabled={i === 0}
                    aria-label={t('training.editor.moveUp', { n: i + 1 })}
                    onClick={() => onChange(moved(lessons, i, i - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn small"
                    disabled={i === lessons.length - 1}
                    aria-label={t('training.editor.moveDown', { n: i + 1 })}
                    onClick={() => onChange(moved(lessons, i, i + 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn small"
                    aria-label={t('training.editor.removeLesson', { n: i + 1 })}
                    onClick={() => onChange(lessons.filter((_, j) => j !== i))}
                  >
                    {t('training.editor.remove')}
                  </button>
                </div>
              </div>
              <div className="form-grid">
                <Field label={t('training.editor.lessonTitle')} error={errorOf(`${at}.title`)}>
                  <input name={`${at}.title`} value={l.title} onChange={(e) => set(i, { title: e.target.value })} />
                </Field>
                <Field label={t('training.editor.kind')} error={errorOf(`${at}.kind`)}>
                  <select name={`${at}.kind`} value={l.kind} onChange={(e) => setKind(i, e.target.value as LessonKind)}>
                    {LESSON_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`training.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                </Field>
              </div>
              {l.kind === 'document' && (
                <Field label={t('training.editor.body')} error={errorOf(`${at}.body`)}>
                  <textarea name={`${at}.body`} rows={6} value={l.body} onChange={(e) => set(i, { body: e.target.value })} />
                </Field>
              )}
              {l.kind !== 'quiz' && (
                <Field
                  label={t(l.kind === 'video' ? 'training.editor.url' : 'training.editor.docUrl')}
                  hint={t(l.kind === 'video' ? 'training.editor.urlHint' : 'training.editor.docUrlHint')}
                  error={errorOf(`${at}.url`)}
                >
                  <input
                    name={`${at}.url`}
                    type="url"
                    inputMode="url"
                    value={l.url}
                    onChange={(e) => set(i, { url: e.target.value })}
                  />
                </Field>
              )}
              {l.kind === 'video' && (
                <Field label={t('training.editor.notes')} error={errorOf(`${at}.body`)}>
                  <textarea name={`${at}.body`} rows={2} value={l.body} onChange={(e) => set(i, { body: e.target.value })} />
                </Field>
              )}
              {l.kind === 'quiz' && (
                <QuizFields
                  name={l.key}
                  path={at}
                  questions={l.questions}
                  onChange={(questions) => set(i, { questions })}
                  errorOf={errorOf}
                />
              )}
              {errorOf(at) && !['title', 'kind', 'url', 'body', 'questions'].some((f) => errorOf(`${at}.${f}`)) && (
                <small className="field-error" data-field={at}>
                  {errorOf(at)}
                </small>
              )}
            </li>
          );
        })}
      </ol>
      {errorOf('lessons') && !lessons.some((_, i) => errorOf(`lessons.${i}`)) && (
        <small className="field-error" data-field="lessons">
          {errorOf('lessons')}
        </small>
      )}
      <div className="row-actions">
        {LESSON_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className="btn small"
            data-testid={`add-${k}`}
            onClick={() => onChange([...lessons, emptyLesson(k)])}
          >
            {t(`training.editor.add.${k}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
