import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveCourse } from '../../data/training';
import type { Course } from '../../data/training-enums';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';
import { AudienceFields } from './audience-fields';
import { type CourseDraft, courseBody } from './course-draft';
import { LessonsFields } from './lesson-fields';

const FIELDS = ['title', 'description', 'required', 'dueDays', 'published', 'audience', 'lessons'] as const;

/**
 * Create (no `course`) or change a course: title, description, required, due days, audience, lessons
 * (video, document, quiz) and whether it is published. The server's errors land on their fields
 * (`lessons.1.questions.0.choices`). `readOnly` shows it all disabled (a manager reading it).
 */
export function CourseForm({
  course,
  initial,
  readOnly = false,
  onSaved,
}: {
  course?: Course;
  initial: CourseDraft;
  readOnly?: boolean;
  onSaved: (course: Course) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const save = useSaveCourse();
  const errors = useFormErrors(save.error, FIELDS);
  const change = (patch: Partial<CourseDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (readOnly) return;
    save.mutate({ id: course?.id, body: courseBody(draft) }, { onSuccess: onSaved });
  };
  const title = course ? course.title : t('training.newCourse');
  return (
    <form className="card form course-form" onSubmit={submit} aria-label={title} data-testid="course-form" noValidate>
      <fieldset className="plain" disabled={readOnly}>
        <div className="form-grid">
          <Field label={t('training.editor.title')} error={errors.of('title')}>
            <input name="title" required value={draft.title} onChange={(e) => change({ title: e.target.value })} />
          </Field>
          <Field label={t('training.editor.dueDays')} hint={t('training.editor.dueDaysHint')} error={errors.of('dueDays')}>
            <input
              name="dueDays"
              type="number"
              inputMode="numeric"
              min={1}
              value={draft.dueDays}
              onChange={(e) => change({ dueDays: e.target.value })}
            />
          </Field>
        </div>
        <Field label={t('training.editor.description')} error={errors.of('description')}>
          <textarea
            name="description"
            rows={3}
            value={draft.description}
            onChange={(e) => change({ description: e.target.value })}
          />
        </Field>
        <Field label={t('training.editor.required')} hint={t('training.editor.requiredHint')} error={errors.of('required')}>
          <input
            name="required"
            type="checkbox"
            checked={draft.required}
            onChange={(e) => change({ required: e.target.checked })}
          />
        </Field>
        <AudienceFields value={draft} onChange={change} errorOf={errors.of} />
        <LessonsFields lessons={draft.lessons} onChange={(lessons) => change({ lessons })} errorOf={errors.of} />
        <Field label={t('training.editor.published')} hint={t('training.editor.publishedHint')} error={errors.of('published')}>
          <input
            name="published"
            type="checkbox"
            checked={draft.published}
            onChange={(e) => change({ published: e.target.checked })}
          />
        </Field>
        {errors.form && (
          <p className="alert" role="alert">
            {errors.form}
          </p>
        )}
        {!readOnly && (
          <div className="form-actions">
            <button type="submit" className="btn primary" disabled={save.isPending} data-testid="save-course">
              {save.isPending ? t('common.working') : course ? t('training.save') : t('training.create')}
            </button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
