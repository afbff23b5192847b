import { useTranslation } from 'react-i18next';
import { Empty, ErrorBox, Loading } from '../components/status';
import { useUnits } from '../data';
import type { Unit } from '../types';

/** Children by parent id; a unit whose parent the caller cannot see (a scoped manager) is a root. */
function buildTree(units: Unit[]): { roots: Unit[]; children: Map<string, Unit[]> } {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const u of units) {
    if (u.parentId && ids.has(u.parentId)) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
    else roots.push(u);
  }
  return { roots, children };
}

function UnitBranch({ unit, byParent, seen }: { unit: Unit; byParent: Map<string, Unit[]>; seen: Set<string> }) {
  const { t } = useTranslation();
  const kids = seen.has(unit.id) ? [] : (byParent.get(unit.id) ?? []);
  const nextSeen = new Set(seen).add(unit.id);
  return (
    <li>
      <div className="node">
        <span>{unit.name}</span>
        <span className={`badge kind-${unit.kind}`}>{t(`unitKind.${unit.kind}`, { defaultValue: unit.kind })}</span>
      </div>
      {kids.length > 0 && (
        <ul>
          {kids.map((k) => (
            <UnitBranch key={k.id} unit={k} byParent={byParent} seen={nextSeen} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const tree = units.data ? buildTree(units.data) : null;
  return (
    <section>
      <h1>{t('unit.title')}</h1>
      {units.isPending && <Loading />}
      {units.isError && <ErrorBox error={units.error} onRetry={() => void units.refetch()} />}
      {tree && tree.roots.length === 0 && <Empty>{t('unit.empty')}</Empty>}
      {tree && tree.roots.length > 0 && (
        <ul className="tree card" data-testid="unit-tree">
          {tree.roots.map((u) => (
            <UnitBranch key={u.id} unit={u} byParent={tree.children} seen={new Set()} />
          ))}
        </ul>
      )}
    </section>
  );
}
