import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { pickLocale } from '../../lib/locale.js';
import { loadBioPage } from './bio.service.js';
import { renderBioPage } from './bio-page.js';

const NOT_FOUND = {
  vi: 'Không tìm thấy trang này.',
  'zh-CN': '未找到该主页。',
  en: 'This page does not exist.',
} as const;

/** `GET /@{handle}`: the KOS's public bio page (server-rendered, no JavaScript, not rate limited). */
export function registerBioRoutes(app: FastifyInstance, { database, config }: AppDeps): void {
  app.get('/@:handle', async (request, reply) => {
    const { handle } = request.params as { handle: string };
    const { lang } = request.query as { lang?: string };
    const data = /^[A-Za-z0-9._-]{1,30}$/.test(handle) ? await loadBioPage(database.db, config.publicUrl, handle, lang) : null;
    reply.type('text/html; charset=utf-8');
    if (!data) {
      const locale = pickLocale(lang ?? request.headers['accept-language']);
      return reply
        .code(404)
        .send(
          `<!doctype html><html lang="${locale}"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>404</title><p style="font:16px system-ui;text-align:center;margin-top:30vh">${NOT_FOUND[locale]}</p></html>`,
        );
    }
    return reply.header('cache-control', 'public, max-age=30').send(renderBioPage(data));
  });
}
