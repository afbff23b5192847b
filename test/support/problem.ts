import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** ISO 8601 date-time with an offset, as every answer gives times. */
export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Asserts an application/problem+json answer of that status and code; returns its body. */
export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body).toMatchObject({
    type: expect.stringContaining(code),
    title: expect.any(String),
    status,
    code,
    detail: expect.any(String),
  });
  return body;
}

/** The distinct field paths of a 422 answer, sorted. */
export const errorPaths = (res: LightMyRequestResponse) =>
  [...new Set<string>(res.json().errors.map((e: { path: string }) => e.path))].sort();
