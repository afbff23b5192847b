import type { KosCreateBody } from '../../data/kos';
import type { Kos } from '../../types';

/** The KOS form's values: text inputs as strings (empty = not set), tags as lists, the tax profile's boxes. */
export interface KosDraft {
  code: string;
  handle: string;
  name: string;
  relationship: Kos['relationship'];
  unitId: string;
  status: Kos['status'];
  tier: string;
  categories: string[];
  voucherCodes: string[];
  hasLabourContract3m: boolean;
  commitment08: boolean;
  taxCode: string;
  bio: string;
  avatarUrl: string;
  zalo: string;
  phone: string;
  messenger: string;
  email: string;
}

/** The paths of the API's field errors the form shows next to a field (useFormErrors). */
export const KOS_FIELDS = [
  'code',
  'handle',
  'name',
  'relationship',
  'unitId',
  'status',
  'tier',
  'categories',
  'voucherCodes',
  'taxProfile',
  'bio',
  'avatarUrl',
  'contacts',
] as const;

/** A new KOS's draft (in `unitId`), or an existing one's values. */
export function toDraft(kos: Kos | undefined, unitId: string): KosDraft {
  return {
    code: kos?.code ?? '',
    handle: kos?.handle ?? '',
    name: kos?.name ?? '',
    relationship: kos?.relationship ?? 'employee',
    unitId: kos ? (kos.unitId ?? '') : unitId,
    status: kos?.status ?? 'candidate',
    tier: kos?.tier ?? '',
    categories: kos?.categories ?? [],
    voucherCodes: kos?.voucherCodes ?? [],
    hasLabourContract3m: kos?.taxProfile.hasLabourContract3m ?? false,
    commitment08: kos?.taxProfile.commitment08 ?? false,
    taxCode: kos?.taxProfile.taxCode ?? '',
    bio: kos?.bio ?? '',
    avatarUrl: kos?.avatarUrl ?? '',
    zalo: kos?.contacts.zalo ?? '',
    phone: kos?.contacts.phone ?? '',
    messenger: kos?.contacts.messenger ?? '',
    email: kos?.contacts.email ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** The body of POST /kos (and PATCH /kos/{id}): empty texts become null, empty contacts are left out. */
export function toBody(d: KosDraft): KosCreateBody {
  const contacts = Object.fromEntries(
    (['zalo', 'phone', 'messenger', 'email'] as const).filter((k) => d[k].trim()).map((k) => [k, d[k].trim()]),
  );
  return {
    code: d.code.trim(),
    handle: d.handle.trim().replace(/^@/, ''),
    name: d.name.trim(),
    relationship: d.relationship,
    unitId: orNull(d.unitId),
    status: d.status,
    tier: (orNull(d.tier) as Kos['tier']) ?? null,
    categories: d.categories,
    voucherCodes: d.voucherCodes,
    taxProfile: { hasLabourContract3m: d.hasLabourContract3m, commitment08: d.commitment08, taxCode: orNull(d.taxCode) },
    bio: orNull(d.bio),
    avatarUrl: orNull(d.avatarUrl),
    contacts,
  };
}
