import { buildApp } from '../../src/app.js';
import { systemPrincipal } from '../../src/features/access/access.js';
import { createKos } from '../../src/features/kos/kos.service.js';
import { createOrg } from '../../src/features/orgs/orgs.service.js';
import { createUnit } from '../../src/features/units/units.service.js';
import { testConfig } from './app.js';
import { createTestDatabase } from './database.js';

export interface TestServer {
  url: string;
  ownerEmail: string;
  ownerPassword: string;
  close(): Promise<void>;
}

/** The real app listening on a free port of 127.0.0.1, on a temporary SQLite file with a small org. */
export async function startTestServer(): Promise<TestServer> {
  const db = await createTestDatabase('sqlite');
  const ownerEmail = 'owner@console.test';
  const ownerPassword = 'console-password';
  const { org } = await createOrg(db.database.db, {
    name: 'Console Test',
    slug: 'console',
    adminEmail: ownerEmail,
    adminPassword: ownerPassword,
  });
  const owner = systemPrincipal(org.id);
  const region = await createUnit(db.database.db, owner, { name: 'Miền Nam', kind: 'region' });
  const people = [
    ['LAN01', 'lan.beauty', 'Nguyễn Thị Lan', 'independent', 'active'],
    ['MINH02', 'minhreview', 'Trần Văn Minh', 'store_staff', 'active'],
    ['HOA03', 'hoa.nguyen', 'Lê Thị Hoa', 'employee', 'paused'],
  ] as const;
  for (const [code, handle, name, relationship, status] of people) {
    await createKos(db.database.db, owner, {
      code,
      handle,
      name,
      relationship,
      status,
      unitId: region.id,
      categories: [],
      voucherCodes: [],
    });
  }
  const app = await buildApp({ config: testConfig(db.url), database: db.database });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    ownerEmail,
    ownerPassword,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
