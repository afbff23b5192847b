import type { ReactNode } from 'react';

/** A page's `<h1>` with its actions (buttons, filters) beside it; every page starts with one. */
export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-head">
      <h1>{title}</h1>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}
