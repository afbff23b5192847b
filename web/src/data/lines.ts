import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { api, qs } from '../api';
import type { OrderLine, Page } from '../types';

/** The attribution choices of the lines page: the unattributed queue, attributed lines, or every line. */
export const ATTRIBUTED_CHOICES = ['false', 'true', 'all'] as const;

/** The filters of `/lines`, each a URL key; `attributed` is one of ATTRIBUTED_CHOICES, the rest `''` when unset. */
export interface LineFilter {
  attributed: string;
  from: string;
  to: string;
  kosId: string;
  unitId: string;
  platform: string;
  source: string;
  sku: string;
  status: string;
}

/** The keys that make a URL "the lines behind a figure" (a dashboard link, a KOS or unit): all lines by default. */
const SCOPED: readonly (keyof LineFilter)[] = ['kosId', 'unitId', 'sku', 'from', 'to'];

/**
 * The defaults of the lines page's `useQueryState`, read from the URL itself: a bare `/lines` (or one
 * filtering by platform, source or status only) opens on the unattributed queue; a URL naming a KOS, a unit,
 * a product (SKU) or days — as the dashboard's links do — shows every line, attributed or not.
 */
export function lineFilterDefaults(params: { get(key: string): string | null }): LineFilter {
  const scoped = SCOPED.some((key) => Boolean(params.get(key)));
  return {
    attributed: scoped ? 'all' : 'false',
    from: '',
    to: '',
    kosId: '',
    unitId: '',
    platform: '',
    source: '',
    sku: '',
    status: '',
  };
}

/**
 * The URL update for the filters `next`: each value, or null where it equals its default for `next` itself,
 * so that setting a date on the queue keeps `attributed=false` in the URL instead of switching to all lines.
 */
export function lineFilterSearch(next: LineFilter): Record<keyof LineFilter, string | null> {
  const defaults = lineFilterDefaults({ get: (key) => next[key as keyof LineFilter] ?? null });
  const keys = Object.keys(defaults) as (keyof LineFilter)[];
  return Object.fromEntries(keys.map((key) => [key, next[key] === defaults[key] ? null : next[key]])) as Record<
    keyof LineFilter,
    string | null
  >;
}

/** The order lines matching `filter`, 100 a page (`fetchNextPage` for more). */
export function useLines(filter: LineFilter) {
  const { attributed, ...rest } = filter;
  return useInfiniteQuery({
    queryKey: ['lines', 'list', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      api<Page<OrderLine>>(
        `/lines${qs({ ...rest, attributed: attributed === 'all' ? '' : attributed, limit: 100, cursor: pageParam })}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** What an assignment changes: the lines, the ledger (commission booked or reversed), the dashboard's figures. */
const ASSIGNMENT_KEYS = [['lines'], ['ledger'], ['analytics']] as const;

/** `PATCH /lines/{id}`: gives a line to a KOS by hand, or back to the queue (`kosId` null). */
const patchLine = (id: string, kosId: string | null) =>
  api<OrderLine>(`/lines/${encodeURIComponent(id)}`, { method: 'PATCH', body: { kosId } });

/** A line the server refused to assign, with its error (a problem shown in the user's language). */
export interface AssignFailure {
  line: OrderLine;
  error: unknown;
}

/** How a run of assignments goes: `done` of `total` answered so far, the refused ones in `failed`. */
export interface AssignRun {
  total: number;
  done: number;
  failed: AssignFailure[];
  running: boolean;
}

/**
 * Assigning many lines to one KOS, one request per line in turn: `start(lines, kosId)` resolves to the
 * refused lines once every line is answered (then the lists are asked again); `run` is the progress, kept
 * after the end for the summary until `clear()`.
 */
export function useAssignLines() {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<AssignRun | null>(null);
  const start = useCallback(
    async (lines: readonly OrderLine[], kosId: string): Promise<AssignFailure[]> => {
      const failed: AssignFailure[] = [];
      setRun({ total: lines.length, done: 0, failed: [], running: true });
      for (const [i, line] of lines.entries()) {
        try {
          await patchLine(line.id, kosId);
        } catch (error) {
          failed.push({ line, error });
        }
        setRun({ total: lines.length, done: i + 1, failed: [...failed], running: true });
      }
      await Promise.all(ASSIGNMENT_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      setRun({ total: lines.length, done: lines.length, failed, running: false });
      return failed;
    },
    [queryClient],
  );
  const clear = useCallback(() => setRun(null), []);
  return { run, start, clear };
}

/** Gives an attributed line back to the unattributed queue (`mutate(lineId)`); its commission is reversed. */
export function useUnassignLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => patchLine(id, null),
    onSuccess: () => Promise.all(ASSIGNMENT_KEYS.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
