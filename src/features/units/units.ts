export const UNIT_KINDS = ['hq', 'region', 'dealer', 'store', 'team', 'business_line'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitNode {
  id: string;
  parentId: string | null;
}

/** The ids of `rootId` and every unit below it. */
export function subtreeIds(units: readonly UnitNode[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId) children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const result = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

/** True when making `newParentId` the parent of `unitId` would close a cycle. */
export function wouldCycle(units: readonly UnitNode[], unitId: string, newParentId: string | null): boolean {
  return newParentId !== null && subtreeIds(units, unitId).has(newParentId);
}

/** A unit and its ancestors, nearest first (`[store, dealer, region, hq]`); empty for no unit. */
export function unitPath(units: readonly UnitNode[], unitId: string | null): string[] {
  const parent = new Map(units.map((u) => [u.id, u.parentId]));
  const path: string[] = [];
  for (let id = unitId; id !== null && id !== undefined && !path.includes(id); id = parent.get(id) ?? null) path.push(id);
  return path;
}
