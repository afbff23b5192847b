import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../access/use-can';
import { AssignBar } from '../components/lines/assign-bar';
import { AssignSummary } from '../components/lines/assign-summary';
import { LineFilters } from '../components/lines/line-filters';
import { LineList, orderLabel } from '../components/lines/line-list';
import { ConfirmDialog } from '../components/ui/confirm-dialog';
import { EmptyState } from '../components/ui/empty-state';
import { ErrorBox } from '../components/ui/error-box';
import { Loading } from '../components/ui/loading';
import { PageHeader } from '../components/ui/page-header';
import { useAllKos, useUnits } from '../data';
import { type LineFilter, lineFilterDefaults, lineFilterSearch, useAssignLines, useLines, useUnassignLine } from '../data/lines';
import { useQueryState, useSearchParams } from '../router/search-params';
import { useMe } from '../session';
import type { OrderLine } from '../types';
import '../styles/lines.css';

/**
 * `/app/lines`: order lines with every filter in the URL, opening on the unattributed queue. Owners, admins
 * and managers tick lines and assign them to a KOS (one request per line, with progress and per-line
 * errors) or give an attributed line back to the queue after confirming; a viewer only reads.
 */
export default function LinesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const canAssign = can('lines.assign');
  const [params, setSearch] = useSearchParams();
  const [filter] = useQueryState(lineFilterDefaults(params));
  // A filter change is a new history entry; `attributed` stays explicit where the new URL's default differs.
  const setFilter = (update: Partial<LineFilter>) => setSearch(lineFilterSearch({ ...filter, ...update }), { push: true });
  const lines = useLines(filter);
  const roster = useAllKos();
  const units = useUnits();
  const kos = roster.data ?? [];
  const byId = new Map(kos.map((k) => [k.id, k]));
  const kosName = (l: OrderLine) => {
    const k = l.kosId ? byId.get(l.kosId) : undefined;
    return k ? `${k.name} (${k.code})` : (l.kosCode ?? l.kosId ?? '');
  };

  const rows = lines.data?.pages.flatMap((p) => p.items) ?? [];
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const assign = useAssignLines();
  const [assignedTo, setAssignedTo] = useState('');
  const unassign = useUnassignLine();
  const [unassigning, setUnassigning] = useState<OrderLine | null>(null);

  // Other filters, other lines: nothing stays ticked out of sight.
  const filterKey = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the filters change
  useEffect(() => setSelected(new Set()), [filterKey]);

  const toggle = (line: OrderLine, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(line.id);
      else next.delete(line.id);
      return next;
    });
  const runAssign = async (kosId: string) => {
    const k = byId.get(kosId);
    setAssignedTo(k ? `${k.name} (${k.code})` : kosId);
    const failed = await assign.start(
      rows.filter((l) => selected.has(l.id)),
      kosId,
    );
    // The refused lines stay ticked, to retry or assign elsewhere.
    setSelected(new Set(failed.map((f) => f.line.id)));
  };
  const askUnassign = (line: OrderLine) => {
    unassign.reset();
    setUnassigning(line);
  };

  return (
    <section className="lines-page">
      <PageHeader title={t('lines.title')} />
      <LineFilters value={filter} kos={kos} units={units.data ?? []} onChange={setFilter} />
      {canAssign && rows.length > 0 && (
        <AssignBar
          kos={kos}
          shown={rows.length}
          selected={selected.size}
          busy={assign.run?.running ?? false}
          onSelectAll={(on) => setSelected(new Set(on ? rows.map((l) => l.id) : []))}
          onAssign={(kosId) => void runAssign(kosId)}
        />
      )}
      {assign.run && <AssignSummary run={assign.run} kosLabel={assignedTo} onDismiss={assign.clear} />}
      {lines.isPending && <Loading />}
      {lines.isError && <ErrorBox error={lines.error} onRetry={() => void lines.refetch()} />}
      {lines.isSuccess && rows.length === 0 && (
        <EmptyState>{filter.attributed === 'false' ? t('lines.emptyQueue') : t('lines.empty')}</EmptyState>
      )}
      {rows.length > 0 && (
        <LineList
          rows={rows}
          timeZone={me.org.timezone}
          kosName={kosName}
          selected={canAssign ? selected : undefined}
          onToggle={canAssign ? toggle : undefined}
          onUnassign={canAssign ? askUnassign : undefined}
        />
      )}
      {lines.hasNextPage && (
        <button type="button" className="btn" disabled={lines.isFetchingNextPage} onClick={() => void lines.fetchNextPage()}>
          {lines.isFetchingNextPage ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
      <ConfirmDialog
        open={unassigning !== null}
        title={t('lines.unassignConfirm.title')}
        confirmLabel={t('lines.unassign')}
        danger
        busy={unassign.isPending}
        error={unassign.error}
        onConfirm={() => unassigning && unassign.mutate(unassigning.id, { onSuccess: () => setUnassigning(null) })}
        onCancel={() => setUnassigning(null)}
      >
        {unassigning && <p>{t('lines.unassignConfirm.text', { order: orderLabel(unassigning), kos: kosName(unassigning) })}</p>}
      </ConfirmDialog>
    </section>
  );
}
