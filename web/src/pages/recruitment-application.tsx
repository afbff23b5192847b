import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { type MoveAsk, MoveDialog } from '../components/recruitment/move-dialog';
import { Badge } from '../components/ui/badge';
import { ErrorBox } from '../components/ui/error-box';
import { Field } from '../components/ui/field';
import { useFormErrors } from '../components/ui/form-errors';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useUnits } from '../data';
import { useApplication, useConvertApplication, useDrive, usePatchApplication } from '../data/recruitment';
import { type Application, nextStatuses } from '../data/recruitment-enums';
import { enumKey } from '../enums';
import { formatDateTime, formatMoney, formatNumber } from '../format';
import { Link } from '../router/link';
import { navigate } from '../router/location';
import { useParams } from '../router/params';
import { useMe } from '../session';
import '../styles/recruitment.css';

/** `/recruitment/applications/:id`: the applicant, each criterion's value and share of the score, assessments, moves, conversion. */
export default function RecruitmentApplicationPage() {
  const { t } = useTranslation();
  const { id } = useParams<'id'>();
  const application = useApplication(id);
  const a = application.data;
  return (
    <section className="recruitment-page">
      <PageHeader title={a?.name ?? t('recruitment.application')}>
        {a && <Link to={`/recruitment/drives/${encodeURIComponent(a.driveId)}`}>{t('recruitment.backToDrive')}</Link>}
      </PageHeader>
      {application.isPending && <Loading />}
      {application.isError && <ErrorBox error={application.error} onRetry={() => void application.refetch()} />}
      {a && <ApplicationDetails a={a} />}
    </section>
  );
}

function ApplicationDetails({ a }: { a: Application }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useMe();
  const drive = useDrive(a.driveId);
  const [ask, setAsk] = useState<MoveAsk>(null);
  const lang = i18n.language;
  const currency = drive.data?.currency ?? me.org.currency;
  const valueText = (c: Application['criteria'][number]) =>
    c.value === null
      ? '—'
      : typeof c.value === 'boolean'
        ? c.value
          ? t('recruitment.yes')
          : t('recruitment.no')
        : c.source === 'salesMinor'
          ? formatMoney(c.value, currency, lang)
          : formatNumber(c.value, lang);
  return (
    <>
      <div className="card facts" data-testid="application-facts">
        <p>
          <Badge of="recruitment.status" value={a.status} />{' '}
          <strong data-testid="score">{t('recruitment.scoreOf', { score: a.score, passScore: a.passScore })}</strong>
        </p>
        <dl>
          <dt>{t('recruitment.field.phone')}</dt>
          <dd>{a.phone}</dd>
          <dt>{t('recruitment.field.email')}</dt>
          <dd>{a.email}</dd>
          <dt>{t('recruitment.field.province')}</dt>
          <dd>{a.province ?? '—'}</dd>
          <dt>{t('recruitment.field.relationship')}</dt>
          <dd>{t(enumKey('kos.relationship', a.relationship))}</dd>
          <dt>{t('recruitment.field.accounts')}</dt>
          <dd>
            {a.accounts.length === 0
              ? '—'
              : a.accounts
                  .map((x) => `${t(enumKey('platform', x.platform))} @${x.handle} (${formatNumber(x.followers, lang)})`)
                  .join(' · ')}
          </dd>
          <dt>{t('recruitment.field.categories')}</dt>
          <dd>{a.categories.join(', ') || '—'}</dd>
        </dl>
        {a.masked && <p className="hint">{t('recruitment.maskedHint')}</p>}
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="criteria">
          <caption>{t('recruitment.criteriaCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('recruitment.field.label')}</th>
              <th scope="col">{t('recruitment.field.source')}</th>
              <th scope="col" className="num">
                {t('recruitment.field.weight')}
              </th>
              <th scope="col" className="num">
                {t('recruitment.column.value')}
              </th>
              <th scope="col" className="num">
                {t('recruitment.column.s')}
              </th>
              <th scope="col" className="num">
                {t('recruitment.column.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.criteria.map((c) => (
              <tr key={c.key}>
                <td>{c.label}</td>
                <td>{t(enumKey('recruitment.source', c.source))}</td>
                <td className="num">{c.weight}</td>
                <td className="num">{valueText(c)}</td>
                <td className="num">{formatNumber(c.s * 100, lang, 1)} %</td>
                <td className="num">{formatNumber(c.points, lang, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {can('recruitment.edit') && <Assessments a={a} />}
      {can('recruitment.edit') && nextStatuses(a.status).length > 0 && (
        <div className="moves card">
          <h2>{t('recruitment.move')}</h2>
          {nextStatuses(a.status).map((to) => (
            <button
              key={to}
              type="button"
              className={to === 'accepted' ? 'btn primary' : to === 'rejected' ? 'btn danger' : 'btn'}
              data-action={to}
              onClick={() => setAsk({ application: a, to })}
            >
              {t('recruitment.moveTo', { status: t(enumKey('recruitment.status', to)) })}
            </button>
          ))}
        </div>
      )}
      {can('recruitment.edit') && a.status === 'accepted' && !a.kosId && <ConvertForm a={a} />}
      {a.kosId && (
        <p className="card">
          <Link to={`/kos/${encodeURIComponent(a.kosId)}`} data-testid="kos-link">
            {t('recruitment.openKos')}
          </Link>
        </p>
      )}
      <div className="card">
        <h2>{t('recruitment.history')}</h2>
        <ol className="history" data-testid="history">
          {a.history.map((h) => (
            <li key={`${h.status}-${h.at}`}>
              <Badge of="recruitment.status" value={h.status} /> {formatDateTime(h.at, lang, me.org.timezone)}
              {h.note ? ` — ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </div>
      <MoveDialog ask={ask} onClose={() => setAsk(null)} />
    </>
  );
}

/** A mark 0–5 per assessment criterion; saving scores the application again. */
function Assessments({ a }: { a: Application }) {
  const { t } = useTranslation();
  const patch = usePatchApplication();
  const keys = a.criteria.filter((c) => c.source === 'assessment');
  const errors = useFormErrors(
    patch.error,
    keys.map((c) => `assessments.${c.key}`),
  );
  if (keys.length === 0) return null;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const assessments = Object.fromEntries(
      keys.map((c) => {
        const v = String(form.get(c.key) ?? '');
        return [c.key, v === '' ? null : Number(v)];
      }),
    );
    patch.mutate({ id: a.id, body: { assessments } });
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('recruitment.assessments')} data-testid="assessments">
      <h2>{t('recruitment.assessments')}</h2>
      <div className="form-grid">
        {keys.map((c) => (
          <Field key={c.key} label={c.label} error={errors.of(`assessments.${c.key}`)}>
            <select name={c.key} defaultValue={a.assessments[c.key] ?? ''}>
              <option value="">—</option>
              {[0, 1, 2, 3, 4, 5].map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </Field>
        ))}
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="btn primary" disabled={patch.isPending}>
        {t('recruitment.saveAssessments')}
      </button>
    </form>
  );
}

/** Code, handle (default: the code in lower case) and unit (default: the drive's) of the new KOS. */
function ConvertForm({ a }: { a: Application }) {
  const { t } = useTranslation();
  const units = useUnits();
  const drive = useDrive(a.driveId);
  const convert = useConvertApplication();
  const errors = useFormErrors(convert.error, ['code', 'handle', 'unitId']);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const handle = String(form.get('handle') ?? '').trim();
    const unitId = String(form.get('unitId') ?? '');
    convert.mutate(
      { id: a.id, body: { code: String(form.get('code') ?? ''), ...(handle ? { handle } : {}), ...(unitId ? { unitId } : {}) } },
      { onSuccess: (kos) => navigate(`/kos/${encodeURIComponent(kos.id)}`) },
    );
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('recruitment.convert')} data-testid="convert-form">
      <h2>{t('recruitment.convert')}</h2>
      <p className="hint">{t('recruitment.hint.convert')}</p>
      <div className="form-grid">
        <Field label={t('recruitment.field.code')} error={errors.of('code')}>
          <input name="code" required maxLength={16} />
        </Field>
        <Field label={t('recruitment.field.handle')} hint={t('recruitment.hint.handle')} error={errors.of('handle')}>
          <input name="handle" maxLength={30} />
        </Field>
        <Field label={t('recruitment.field.unitId')} error={errors.of('unitId')}>
          <select name="unitId" defaultValue={drive.data?.unitId ?? ''}>
            <option value="">{t('recruitment.driveUnit')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {errors.form && (
        <p className="alert" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" className="btn primary" disabled={convert.isPending}>
        {t('recruitment.convertButton')}
      </button>
    </form>
  );
}
