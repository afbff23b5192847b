import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefaultUnitId } from '../../access/use-can';
import { useUnits } from '../../data';
import { useSaveDrive } from '../../data/recruitment';
import { CRITERION_SOURCES, type Drive } from '../../data/recruitment-enums';
import { enumKey } from '../../enums';
import { RELATIONSHIPS } from '../../types';
import { Field } from '../ui/field';
import { useFormErrors } from '../ui/form-errors';

const FIELDS = [
  'name',
  'slug',
  'unitId',
  'relationships',
  'categories',
  'passScore',
  'closesAt',
  'criteria',
  'questions',
] as const;

type CriterionRow = { key: string; label: string; weight: string; source: string; target: string };
type QuestionRow = { key: string; label: string };

const slugOf = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

/** Create a drive (no `drive`) or change one: name, slug, unit, relationships, categories, pass score, closing, criteria, questions. */
export function DriveForm({ drive, onSaved, onCancel }: { drive?: Drive; onSaved: (d: Drive) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const defaultUnit = useDefaultUnitId();
  const save = useSaveDrive();
  const errors = useFormErrors(save.error, FIELDS);
  const [name, setName] = useState(drive?.name ?? '');
  const [slug, setSlug] = useState(drive?.slug ?? '');
  const [unitId, setUnitId] = useState(drive?.unitId ?? defaultUnit ?? '');
  const [relationships, setRelationships] = useState<string[]>(drive?.relationships ?? ['independent']);
  const [categories, setCategories] = useState((drive?.categories ?? []).join(', '));
  const [passScore, setPassScore] = useState(String(drive?.passScore ?? 60));
  const [open, setOpen] = useState(drive?.open ?? true);
  const [closesAt, setClosesAt] = useState(drive?.closesAt ? drive.closesAt.slice(0, 10) : '');
  const [criteria, setCriteria] = useState<CriterionRow[]>(
    (drive?.criteria ?? []).map((c) => ({ ...c, weight: String(c.weight), target: c.target === null ? '' : String(c.target) })),
  );
  const [questions, setQuestions] = useState<QuestionRow[]>(drive?.questions ?? []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {
      name,
      slug: slug || slugOf(name),
      unitId: unitId || null,
      relationships,
      categories: categories
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
      passScore: Number(passScore),
      open,
      // The end of the chosen day, in the browser's time zone.
      closesAt: closesAt ? new Date(`${closesAt}T23:59:59`).toISOString() : null,
      questions,
    };
    if (criteria.length > 0 || drive)
      body.criteria = criteria.map((c) => ({
        key: c.key,
        label: c.label,
        weight: Number(c.weight),
        source: c.source,
        ...(c.target ? { target: Number(c.target) } : {}),
      }));
    save.mutate({ id: drive?.id, body }, { onSuccess: onSaved });
  };
  const setRow = (i: number, patch: Partial<CriterionRow>) =>
    setCriteria((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setQuestion = (i: number, patch: Partial<QuestionRow>) =>
    setQuestions((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const title = drive ? t('recruitment.editDrive') : t('recruitment.newDrive');

  return (
    <form className="card form" onSubmit={submit} aria-label={title} data-testid="drive-form" noValidate>
      <h2>{title}</h2>
      <div className="form-grid">
        <Field label={t('recruitment.field.name')} error={errors.of('name')}>
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('recruitment.field.slug')} hint={t('recruitment.hint.slug')} error={errors.of('slug')}>
          <input name="slug" value={slug} placeholder={slugOf(name)} onChange={(e) => setSlug(e.target.value)} />
        </Field>
        <Field label={t('recruitment.field.unitId')} error={errors.of('unitId')}>
          <select name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)}>
            <option value="">{t('recruitment.wholeOrg')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('recruitment.field.passScore')} error={errors.of('passScore')}>
          <input
            name="passScore"
            type="number"
            min={0}
            max={100}
            value={passScore}
            onChange={(e) => setPassScore(e.target.value)}
          />
        </Field>
        <Field label={t('recruitment.field.categories')} hint={t('recruitment.hint.categories')} error={errors.of('categories')}>
          <input name="categories" value={categories} onChange={(e) => setCategories(e.target.value)} />
        </Field>
        <Field label={t('recruitment.field.closesAt')} error={errors.of('closesAt')}>
          <input name="closesAt" type="date" value={closesAt} onChange={(e) => setClosesAt(e.target.value)} />
        </Field>
        <Field label={t('recruitment.field.open')}>
          <input name="open" type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} />
        </Field>
      </div>
      <fieldset className="checks">
        <legend>{t('recruitment.field.relationships')}</legend>
        {RELATIONSHIPS.map((r) => (
          <label key={r}>
            <input
              type="checkbox"
              name="relationships"
              checked={relationships.includes(r)}
              onChange={(e) => setRelationships((rs) => (e.target.checked ? [...rs, r] : rs.filter((x) => x !== r)))}
            />{' '}
            {t(enumKey('kos.relationship', r))}
          </label>
        ))}
        {errors.of('relationships') && <p className="field-error">{errors.of('relationships')}</p>}
      </fieldset>
      <fieldset className="rows">
        <legend>{t('recruitment.field.criteria')}</legend>
        {!drive && criteria.length === 0 && <p className="hint">{t('recruitment.hint.defaultCriteria')}</p>}
        {criteria.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their order is their identity
          <div className="criterion-row" key={i}>
            <input aria-label={t('recruitment.field.key')} value={c.key} onChange={(e) => setRow(i, { key: e.target.value })} />
            <input
              aria-label={t('recruitment.field.label')}
              value={c.label}
              onChange={(e) => setRow(i, { label: e.target.value })}
            />
            <select
              aria-label={t('recruitment.field.source')}
              value={c.source}
              onChange={(e) => setRow(i, { source: e.target.value })}
            >
              {CRITERION_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(enumKey('recruitment.source', s))}
                </option>
              ))}
            </select>
            <input
              aria-label={t('recruitment.field.weight')}
              type="number"
              min={1}
              value={c.weight}
              onChange={(e) => setRow(i, { weight: e.target.value })}
            />
            <input
              aria-label={t('recruitment.field.target')}
              type="number"
              min={1}
              value={c.target}
              onChange={(e) => setRow(i, { target: e.target.value })}
            />
            <button type="button" className="btn small" onClick={() => setCriteria((rows) => rows.filter((_, j) => j !== i))}>
              {t('recruitment.remove')}
            </button>
            {errors.of(`criteria.${i}`) && <p className="field-error">{errors.of(`criteria.${i}`)}</p>}
          </div>
        ))}
        <button
          type="button"
          className="btn small"
          onClick={() => setCriteria((rows) => [...rows, { key: '', label: '', weight: '10', source: 'assessment', target: '' }])}
        >
          {t('recruitment.addCriterion')}
        </button>
      </fieldset>
      <fieldset className="rows">
        <legend>{t('recruitment.field.questions')}</legend>
        {questions.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their order is their identity
          <div className="criterion-row" key={i}>
            <input
              aria-label={t('recruitment.field.key')}
              value={q.key}
              onChange={(e) => setQuestion(i, { key: e.target.value })}
            />
            <input
              aria-label={t('recruitment.field.question')}
              value={q.label}
              onChange={(e) => setQuestion(i, { label: e.target.value })}
            />
            <button type="button" className="btn small" onClick={() => setQuestions((rows) => rows.filter((_, j) => j !== i))}>
              {t('recruitment.remove')}
            </button>
            {errors.of(`questions.${i}`) && <p className="field-error">{errors.of(`questions.${i}`)}</p>}
          </div>
        ))}
        <button type="button" className="btn small" onClick={() => setQuestions((rows) => [...rows, { key: '', label: '' }])}>
          {t('recruitment.addQuestion')}
        </button>
      </fieldset>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={save.isPending}>
          {drive ? t('recruitment.save') : t('recruitment.create')}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
