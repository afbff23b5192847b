import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contest } from '../../data/contests-enums';
import { enumKey } from '../../enums';
import { formatDate } from '../../format';
import { Link } from '../../router/link';
import { Badge } from '../ui/badge';
import { type Column, ResponsiveList } from '../ui/responsive-list';

/** What a contest is about in a few words: its metric and who competes (KOS, or units of a kind). */
export function useContestSummary() {
  const { t, i18n } = useTranslation();
  return {
    scope: (c: Contest) =>
      c.scope === 'unit' && c.unitKind
        ? t('contests.scopeUnits', { kind: t(enumKey('units.kind', c.unitKind)) })
        : t(enumKey('contests.scope', c.scope)),
    dates: (c: Contest) =>
      t('contests.dateRange', { from: formatDate(c.from, i18n.language), to: formatDate(c.to, i18n.language) }),
  };
}

/** The contests as a table (cards on a phone): name, status, metric, who competes, dates; "Edit" for editors. */
export function ContestList({
  rows,
  onEdit,
  caption,
}: {
  rows: readonly Contest[];
  onEdit?: (c: Contest) => void;
  caption: string;
}) {
  const { t } = useTranslation();
  const summary = useContestSummary();
  const columns: Column<Contest>[] = [
    {
      key: 'name',
      header: t('contests.field.name'),
      role: 'title',
      cell: (c) => <Link to={`/contests/${encodeURIComponent(c.id)}`}>{c.name}</Link>,
    },
    {
      key: 'status',
      header: t('contests.column.status'),
      role: 'status',
      cell: (c) => <Badge of="contests.status" value={c.status} data-testid="contest-status" />,
    },
    { key: 'metric', header: t('contests.field.metric'), cell: (c) => t(enumKey('contests.metric', c.metric)) },
    { key: 'scope', header: t('contests.field.scope'), cell: summary.scope },
    { key: 'dates', header: t('contests.column.dates'), cell: summary.dates },
  ];
  if (onEdit)
    columns.push({
      key: 'actions',
      header: t('contests.column.actions'),
      role: 'actions',
      cell: (c) =>
        c.status === 'closed' ? null : (
          <button
            type="button"
            className="btn small"
            onClick={() => onEdit(c)}
            aria-label={t('contests.editNamed', { name: c.name })}
          >
            {t('contests.edit')}
          </button>
        ),
    });
  return (
    <ResponsiveList
      data-testid="contest-table"
      caption={caption}
      rows={rows}
      columns={columns}
      rowKey={(c) => c.id}
      rowProps={(c) => ({ 'data-id': c.id, 'data-status': c.status }) as HTMLAttributes<HTMLTableRowElement>}
    />
  );
}
