import { useMe } from '../session';
import { type Action, canDo, type Subject } from './can';

/**
 * `const can = useCan(); can('payouts.close')`: what the signed-in caller may do, to hide the buttons,
 * links and pages their role would be refused (the server still checks every request).
 */
export function useCan(): (action: Action, subject?: Subject) => boolean {
  const me = useMe();
  return (action, subject) => canDo(me, action, subject);
}

/** The unit a new record starts in: a scoped manager's or viewer's own unit, else none (`''`). */
export function useDefaultUnitId(): string {
  return useMe().unitId ?? '';
}
