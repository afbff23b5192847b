import type { HTMLAttributes, ReactNode } from 'react';

export interface Column<T> {
  key: string;
  /** The column header, also the label of the value on a phone card. */
  header: string;
  cell: (row: T) => ReactNode;
  /**
   * Where the cell goes on a phone card: `title` leads it, `status` sits beside the title (always visible),
   * `actions` closes the card; other cells become labelled lines.
   */
  role?: 'title' | 'status' | 'actions';
  /** Right-aligned figures (money, counts) in the table. */
  numeric?: boolean;
}

export interface ResponsiveListProps<T> {
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  /** Says what the list is to screen readers (visually hidden). */
  caption: string;
  /** Extra attributes of a row: a click handler, `data-*`, a selected class. */
  rowProps?: (row: T) => HTMLAttributes<HTMLTableRowElement>;
  'data-testid'?: string;
}

/**
 * A list that is a table on wide screens and a stack of cards below 640 px (styles/ui.css, a media query:
 * nothing here measures the window), so on a phone the status and the main action of each row are
 * visible without scrolling sideways.
 */
export function ResponsiveList<T>({ rows, columns, rowKey, caption, rowProps, ...rest }: ResponsiveListProps<T>) {
  const cellClass = (c: Column<T>) => [c.role && `rl-${c.role}`, c.numeric && 'num'].filter(Boolean).join(' ') || undefined;
  return (
    <div className="table-wrap rl-wrap">
      <table className="table rl" data-testid={rest['data-testid']}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={cellClass(c)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((c) => (
                <td key={c.key} className={cellClass(c)} data-label={c.role ? undefined : c.header}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
