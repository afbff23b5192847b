import type { ReactNode } from 'react';

/** What an empty list says, with the action that fills it (e.g. a "New KOS" link) when the role has one. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty" data-testid="empty-state">
      <p>{children}</p>
      {action}
    </div>
  );
}
