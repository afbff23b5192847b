import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../deps.js';
import { DomainError } from '../../lib/errors.js';
import { createRouter, validationError } from '../../lib/http/route.js';
import { newId } from '../../lib/ids.js';
import { type Locale, pickLocale } from '../../lib/locale.js';
import { problem } from '../../lib/problems/problem.js';
import type { Principal } from '../access/access.js';
import { getOrgOrThrow } from '../orgs/orgs.service.js';
import { submitApplication } from './applications.service.js';
import {
  type ApplyPageData,
  type ErrorWord,
  type FormErrors,
  renderApplyForm,
  renderApplyGone,
  renderApplyThanks,
} from './apply-page.js';
import { applyUrl, findDriveBySlug } from './drives.service.js';
import { formToBody } from './form-body.js';
import { driveIsOpen } from './recruitment.js';
import { applicationCreated, applicationIn } from './recruitment.schema.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const langQuery = z.object({ lang: z.string().max(20).optional() });

/** A form post's fields, as the content-type parser hands them over. */
type FormFields = [string, string][];
const isForm = (body: unknown): body is FormFields => Array.isArray(body);

/** Which error word the page shows for a problem key. */
function wordOf(key: string): ErrorWord {
  if (key === 'application.consent.required') return 'consent';
  if (key === 'application.email.duplicate') return 'emailTaken';
  if (key === 'application.phone.duplicate') return 'phoneTaken';
  if (key === 'field.required') return 'required';
  return 'invalid';
}

/**
 * `/apply/{slug}`, the public application form (docs/recruitment.md "The public form"): no session and no
 * Origin rule (it is not under /api/, so the same-origin guard leaves it alone); a browser's form post
 * answers HTML pages, a JSON post JSON. Registered in a scope of its own that also reads form posts.
 */
export async function registerApplyRoutes(app: FastifyInstance, { database, config }: AppDeps) {
  const { db } = database;
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_request, body, done) => done(null, [...new URLSearchParams(body as string)].slice(0, 300)),
    );
    // Its own spec list: the OpenAPI document covers /api/ only; docs/recruitment.md describes the form.
    const router = createRouter<Principal>(scope, async () => undefined as never, []);
    const tags = ['recruitment'];

    async function pageData(slug: string, lang: string | undefined) {
      const drive = await findDriveBySlug(db, slug.toLowerCase());
      if (!drive) return { drive: null, locale: pickLocale(lang) } as const;
      const org = await getOrgOrThrow(db, drive.orgId);
      const locale = pickLocale(lang, (['vi', 'zh-CN', 'en'].includes(org.locale) ? org.locale : 'vi') as Locale);
      const data: ApplyPageData = {
        locale,
        url: applyUrl(config, drive.slug),
        orgName: org.name,
        currency: org.currency,
        drive: {
          name: drive.name,
          relationships: drive.relationships,
          categories: drive.categories,
          questions: drive.questions,
        },
      };
      return { drive, locale, data } as const;
    }
    const html = (reply: FastifyReply, status: number, page: string) =>
      reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page);

    router.route({
      method: 'GET',
      url: '/apply/:slug',
      summary: 'The public application form of a drive (HTML, no JavaScript)',
      description: 'Localised by `?lang=` (vi, zh-CN, en), else the organisation’s locale. 404 unknown, 410 closed.',
      tags,
      auth: false,
      params: slugParams,
      query: langQuery,
      response: null,
      produces: 'text/html',
      handler: async ({ params, query, reply }) => {
        const page = await pageData(params.slug, query.lang);
        if (!page.drive) return html(reply, 404, renderApplyGone(page.locale, 'notFound'));
        if (!driveIsOpen(page.drive, Date.now()))
          return html(reply, 410, renderApplyGone(page.locale, 'closed', page.drive.name));
        return reply
          .type('text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=30')
          .send(renderApplyForm(page.data));
      },
    });

    router.route({
      method: 'POST',
      url: '/apply/:slug',
      summary: 'Apply to a drive (a form post answers an HTML page, a JSON post JSON)',
      description:
        'Form fields as the JSON body, with `accounts[0][platform]`… and `sales` in whole currency units. ' +
        '`consent` must be on/true/1/yes; a filled `website` (honeypot) answers like a success and stores nothing. ' +
        '409 when the email (case-insensitive) or phone (digits; a leading 84 read as 0) applied to the drive already; 410 closed.',
      tags,
      auth: false,
      status: 201,
      params: slugParams,
      query: langQuery,
      bodyDoc: {
        contentType: 'application/json',
        schema: z.toJSONSchema(applicationIn, { io: 'input', unrepresentable: 'any' }),
      },
      response: null,
      produces: 'text/html',
      handler: async ({ params, query, request, reply }) => {
        const form = isForm(request.body);
        const page = await pageData(params.slug, query.lang);
        if (!page.drive) {
          if (form) return html(reply, 404, renderApplyGone(page.locale, 'notFound'));
          throw new DomainError('not_found', problem('drive.not_found'), 'recruitment drive not found');
        }
        if (!driveIsOpen(page.drive, Date.now())) {
          if (form) return html(reply, 410, renderApplyGone(page.locale, 'closed', page.drive.name));
          return reply.code(410).type('application/problem+json').send({
            type: 'https://kosmatrix.dev/problems/gone',
            title: 'Gone',
            status: 410,
            code: 'gone',
            key: 'drive.closed',
            params: {},
            detail: 'this drive no longer takes applications',
          });
        }
        const fields: FormFields = form ? (request.body as FormFields) : [];
        const body: Record<string, unknown> = form
          ? formToBody(fields, page.data.currency)
          : typeof request.body === 'object' && request.body !== null
            ? (request.body as Record<string, unknown>)
            : {};
        // A bot fills every field it sees: answer like a success, store nothing.
        if (typeof body.website === 'string' && body.website.trim() !== '') {
          if (form) return html(reply, 201, renderApplyThanks(page.locale, page.drive.name));
          return reply.code(201).send(applicationCreated.parse({ id: newId(), status: 'new' }));
        }
        const values = { ...body, sales: fields.find(([name]) => name === 'sales')?.[1] };
        const parsed = applicationIn.safeParse(body);
        try {
          if (!parsed.success) throw validationError(parsed.error, 'body');
          const created = await submitApplication(db, page.drive, parsed.data);
          if (form) return html(reply, 201, renderApplyThanks(page.locale, page.drive.name));
          return reply.code(201).send(applicationCreated.parse(created));
        } catch (error) {
          if (!form || !(error instanceof DomainError)) throw error;
          const errors: FormErrors = {};
          for (const e of error.errors ?? [{ path: '', key: error.key }])
            errors[(e.path.split('.')[0] as string) || 'form'] ??= wordOf(e.key);
          return html(reply, error.code === 'conflict' ? 409 : 422, renderApplyForm(page.data, values, errors));
        }
      },
    });
  });
}
