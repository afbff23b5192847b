import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, test } from 'vitest';
import { NATS_SERVER, startNatsServer as startNats, stopNatsServers } from '../../test/support/nats-server.js';
import { ConfigError, loadConfig } from '../config.js';
import { type NatsAuth, natsAuthOptions } from './nats.js';

// docs/deployment.md "Securing NATS": credentials and TLS against a real nats-server started here.
const dir = mkdtempSync(join(tmpdir(), 'kos-nats-auth-'));
afterAll(() => {
  stopNatsServers();
  rmSync(dir, { recursive: true, force: true });
});

/** Connects once (no retries) with `auth`, sends a message to itself and answers it. */
async function roundTrip(url: string, auth: NatsAuth): Promise<string> {
  const nc = await connect({ servers: url, reconnect: false, timeout: 5000, ...natsAuthOptions(auth) });
  try {
    const sub = nc.subscribe('kos.test');
    nc.publish('kos.test', 'ping');
    for await (const message of sub) return message.string();
    return '';
  } finally {
    await nc.close();
  }
}

/** A CA, and a certificate for 127.0.0.1 that it signed (openssl). */
function makeCertificates() {
  const f = (name: string) => join(dir, name);
  const ssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  ssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    f('ca.key'),
    '-out',
    f('ca.pem'),
    '-days',
    '1',
    '-subj',
    '/CN=kos test CA',
  );
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('server.key'), '-out', f('server.csr'), '-subj', '/CN=127.0.0.1');
  writeFileSync(f('ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  ssl(
    'x509',
    '-req',
    '-in',
    f('server.csr'),
    '-CA',
    f('ca.pem'),
    '-CAkey',
    f('ca.key'),
    '-CAcreateserial',
    '-out',
    f('server.pem'),
    '-days',
    '1',
    '-extfile',
    f('ext.cnf'),
  );
  return { ca: f('ca.pem'), cert: f('server.pem'), key: f('server.key') };
}

describe.skipIf(!NATS_SERVER)('NATS credentials and TLS, on a real nats-server', () => {
  test('a user and password: with them the connection works, without or with a wrong one it is refused', async () => {
    const url = await startNats(['--user', 'kos', '--pass', 's3cret-pass']);
    expect(await roundTrip(url, { user: 'kos', pass: 's3cret-pass' })).toBe('ping');
    await expect(roundTrip(url, {})).rejects.toThrow();
    await expect(roundTrip(url, { user: 'kos', pass: 'wrong' })).rejects.toThrow();
  });

  test('a token', async () => {
    const url = await startNats(['--auth', 'tok-123456']);
    expect(await roundTrip(url, { token: 'tok-123456' })).toBe('ping');
    await expect(roundTrip(url, { token: 'other' })).rejects.toThrow();
  });

  test('TLS: the server is trusted through the CA file; without it the certificate is refused', async () => {
    const { ca, cert, key } = makeCertificates();
    const url = await startNats(['--tls', '--tlscert', cert, '--tlskey', key]);
    expect(await roundTrip(url, { tls: { caFile: ca } })).toBe('ping');
    await expect(roundTrip(url, { tls: {} })).rejects.toThrow();
  });
});

describe('NATS settings (KOS_NATS_USER … KOS_NATS_TLS_KEY)', () => {
  const base = { KOS_SECRET: 'test-secret-0123456789', KOS_DATA_DIR: dir, KOS_NATS_URL: 'nats://127.0.0.1:4222' };
  const failure = (env: Record<string, string>) => {
    try {
      loadConfig({ ...base, ...env });
    } catch (error) {
      return error instanceof ConfigError ? error.message : `not a ConfigError: ${String(error)}`;
    }
    return 'accepted';
  };

  test('valid combinations become the connection settings', () => {
    writeFileSync(join(dir, 'kos.creds'), 'not checked here');
    expect(loadConfig(base).natsAuth).toEqual({});
    expect(loadConfig({ ...base, KOS_NATS_USER: 'kos', KOS_NATS_PASSWORD: 'p' }).natsAuth).toEqual({ user: 'kos', pass: 'p' });
    expect(loadConfig({ ...base, KOS_NATS_TOKEN: 't' }).natsAuth).toEqual({ token: 't' });
    expect(loadConfig({ ...base, KOS_NATS_CREDS: join(dir, 'kos.creds') }).natsAuth).toEqual({
      credsFile: join(dir, 'kos.creds'),
    });
    expect(loadConfig({ ...base, KOS_NATS_TLS: 'on' }).natsAuth).toEqual({ tls: {} });
    expect(loadConfig({ ...base, KOS_NATS_TLS_CA: join(dir, 'kos.creds') }).natsAuth).toEqual({
      tls: { caFile: join(dir, 'kos.creds') },
    });
  });

  test('each wrong setting is named', () => {
    expect(failure({ KOS_NATS_USER: 'kos' })).toMatch(/^KOS_NATS_PASSWORD: /);
    expect(failure({ KOS_NATS_PASSWORD: 'p' })).toMatch(/^KOS_NATS_USER: /);
    expect(failure({ KOS_NATS_USER: 'kos', KOS_NATS_PASSWORD: 'p', KOS_NATS_TOKEN: 't' })).toMatch(/^KOS_NATS_TOKEN: use one of/);
    expect(failure({ KOS_NATS_CREDS: join(dir, 'missing.creds') })).toMatch(/^KOS_NATS_CREDS: no such file/);
    expect(failure({ KOS_NATS_TLS_CERT: join(dir, 'kos.creds') })).toMatch(/^KOS_NATS_TLS_KEY: /);
    expect(failure({ KOS_NATS_TLS: 'maybe' })).toMatch(/^KOS_NATS_TLS: must be on or off/);
    expect(failure({ KOS_NATS_TLS: 'off', KOS_NATS_TLS_CA: join(dir, 'kos.creds') })).toMatch(/^KOS_NATS_TLS: is off/);
    expect(failure({ KOS_NATS_URL: '', KOS_NATS_TOKEN: 't' })).toMatch(/^KOS_NATS_TOKEN: is set but KOS_NATS_URL is not/);
  });
});
