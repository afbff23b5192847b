import type { StoredLine } from './lines.js';

/** One entry of a line's history: when, by which import (null: by a person), and what changed. */
export interface HistoryEntry {
  at: number;
  importId: string | null;
  change: Record<string, unknown>;
}

/** A history row to write: an entry of one line of one org. */
export interface HistoryEvent extends HistoryEntry {
  orgId: string;
  lineId: string;
}

/**
 * The first entry of every line's history: the line as it was created (docs/imports.md, "A line's
 * history"). It is not written when the line is created — the stored line is that entry for as long as
 * nothing changed it (every change of its status or attribution writes a history row) — but just before
 * the line's first change is written, from the line as it was until then.
 */
export const createdEntry = (line: StoredLine): HistoryEvent => ({
  orgId: line.orgId,
  lineId: line.id,
  importId: line.importId,
  at: line.createdAt,
  change: { created: { status: line.status, attribution: line.attribution } },
});

/** A line's history as shown: its stored rows, oldest first, or only its created entry while it has none. */
export const historyOf = (line: StoredLine, rows: readonly HistoryEntry[]): HistoryEntry[] => {
  if (rows.length > 0) return [...rows];
  const { at, importId, change } = createdEntry(line);
  return [{ at, importId, change }];
};

/**
 * The rows to write for a batch of change events: before the first change of a line that has no history
 * rows yet (`recorded` holds the ids of those that have), its created entry, from `before` — the line as
 * it was before that change.
 */
export function withCreatedEntries(
  changes: readonly { event: HistoryEvent; before: StoredLine }[],
  recorded: ReadonlySet<string>,
): HistoryEvent[] {
  const rows: HistoryEvent[] = [];
  const seen = new Set<string>();
  for (const { event, before } of changes) {
    if (!recorded.has(event.lineId) && !seen.has(event.lineId)) rows.push(createdEntry(before));
    seen.add(event.lineId);
    rows.push(event);
  }
  return rows;
}
