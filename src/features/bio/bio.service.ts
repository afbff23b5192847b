import type { Db } from '../../db/database.js';
import { formatMoney, type Locale, pickLocale } from '../../lib/locale.js';
import { systemPrincipal } from '../access/access.js';
import { findKosByHandle, getKosOrThrow } from '../kos/kos.service.js';
import { linkLabel } from '../links/links.js';
import { liveLinksOfKos } from '../links/links.service.js';
import { upcomingSessions } from '../livestreams/livestreams.service.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { hasPublicBioPage } from './bio.js';
import type { BioPageData } from './bio-page.js';

/** Everything the bio page shows, or null for an unknown KOS or one without a public page (see `hasPublicBioPage`). */
export async function loadBioPage(
  db: Db,
  publicUrl: string,
  handle: string,
  lang: string | undefined,
  now = Date.now(),
): Promise<BioPageData | null> {
  const found = await findKosByHandle(db, handle.toLowerCase());
  if (!found) return null;
  const system = systemPrincipal(found.orgId);
  const kos = await getKosOrThrow(db, system, found.id);
  // The caller answers the same 404 as for an unknown handle, so a hidden status does not leak.
  if (!hasPublicBioPage(kos.status)) return null;
  const [org, links] = await Promise.all([getOrgOrThrow(db, found.orgId), liveLinksOfKos(db, found.id, now)]);
  const locale = pickLocale(lang, (['vi', 'zh-CN', 'en'].includes(org.locale) ? org.locale : 'vi') as Locale);
  return {
    locale,
    url: `${publicUrl}/@${kos.handle}`,
    kos: { name: kos.name, handle: kos.handle, bio: kos.bio, avatarUrl: kos.avatarUrl, contacts: kos.contacts },
    links: links.slice(0, 100).map((l) => ({
      label: linkLabel({ title: l.title, destinationUrl: l.destination_url }, l.product_name),
      href: `${publicUrl}/${l.slug}`,
      price: l.price_minor === null ? null : formatMoney(l.price_minor, org.currency, locale),
    })),
    livestreams: await upcomingSessions(db, kos.id, { timeZone: org.timezone, locale }, now),
  };
}
