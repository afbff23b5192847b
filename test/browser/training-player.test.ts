import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, signIn, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';
import { DOCUMENT_BODY, QUIZ, type SeededCourse, seedCourse } from './training-seed.js';

/**
 * The lesson player on a phone (390 × 844): LAN01's KOS member opens their training from /app/me, marks
 * the document lesson done, fails the quiz at 3 of 5 (60 %), changes one answer and passes at exactly
 * 4 of 5 (80 %), and sees the course completed; an overdue course says so. Staff then read the same
 * enrolment without being able to complete anything, and the report counts it.
 */
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app: Console;
let call: Call;
let course: SeededCourse;
let overdueEnrolmentId: string;
beforeAll(async () => {
  app = await startConsole();
  call = await ownerApi(app.server);
  const lan = app.server.ids.lanKosId;
  course = await seedCourse(call, lan);
  // A second course whose due date an admin moved to yesterday: it reads `overdue`.
  const old = await seedCourse(call, lan, 'Livestream basics');
  overdueEnrolmentId = old.enrolmentId;
  await call('PATCH', `/enrolments/${old.enrolmentId}`, { dueAt: new Date(Date.now() - 86_400_000).toISOString() });
});
afterAll(async () => {
  await app?.close();
});

/** A signed-in KOS member on a 390 × 844 phone, with axe loaded in every page. */
async function phone(language: 'en' | 'vi' | 'zh-CN' = 'en') {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', hasTouch: true });
  await context.addInitScript(`try { localStorage.setItem('kos.locale', ${JSON.stringify(language)}) } catch {}`);
  await context.addInitScript(AXE);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signIn(page, app.server.url, app.server.kosMemberEmail, app.server.memberPassword, '/app/me');
  return { context, page };
}

const fitsPhone = async (page: Page) =>
  !(await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth'));

const seriousViolations = async (page: Page) =>
  (
    (await page.evaluate(
      "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))",
    )) as string[]
  ).filter(Boolean);

/** Picks choice `choice` of question `i` (its radio, by the label the KOS taps). */
const answer = (page: Page, i: number, choice: number) =>
  page.locator(`[data-testid=quiz-player] fieldset[data-question="${i}"] label.quiz-choice`).nth(choice).click();

describe('a KOS member on a phone', () => {
  test('completes a document lesson and passes the quiz at exactly 80 % after one failed attempt', async () => {
    const { context, page } = await phone();
    const errors = consoleErrors(page);
    try {
      await page.waitForURL(`${app.server.url}/app/me`);
      await settled(page);
      const card = page.locator('[data-testid=my-training]');
      await card.locator('text=Overdue: 1').waitFor();
      expect(await card.textContent()).toContain('2 of 2 courses still to do');
      await card.locator('[data-testid=open-training]').click();

      await page.waitForURL(`${app.server.url}/app/me/training`);
      await settled(page);
      const cards = page.locator('[data-testid=enrolment-card]');
      expect(await cards.count()).toBe(2);
      // Overdue first, with its badge and due date in red.
      expect(await cards.first().getAttribute('data-status')).toBe('overdue');
      expect(await cards.first().locator('[data-testid=enrolment-status]').textContent()).toBe('Overdue');
      expect(await cards.first().locator('.due.overdue').count()).toBe(1);
      const mine = cards.filter({ hasText: 'Selling Serum Hoa Sen' });
      expect(await mine.locator('[data-testid=enrolment-status]').textContent()).toBe('Assigned');
      expect(await mine.locator('[data-testid=progress]').textContent()).toContain('0 / 2 lessons');
      expect(await fitsPhone(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'training/phone-my-training');

      await mine.locator('h2 a').click();
      await page.waitForURL(`${app.server.url}/app/me/training/${course.enrolmentId}`);
      await settled(page);
      // The document lesson first: its text, then "Mark as done".
      const lesson = page.locator('[data-testid=lesson]');
      expect(await lesson.getAttribute('data-kind')).toBe('document');
      expect(await lesson.locator('.doc-body').textContent()).toBe(DOCUMENT_BODY);
      // The quiz cannot be opened before the document is done.
      expect(await page.locator('.steps li').nth(1).locator('button').isDisabled()).toBe(true);
      const markDone = page.locator('[data-testid=mark-done]');
      const box = await markDone.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      expect(await fitsPhone(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'training/phone-document');
      await markDone.click();

      // Then the quiz: 3 of 5 right fails, shows the score and keeps the answers.
      await page.locator('[data-testid=lesson][data-kind=quiz]').waitFor();
      expect(await page.locator('[data-testid=progress]').textContent()).toContain('1 / 2 lessons');
      expect(await page.locator('[data-testid=enrolment-status]').textContent()).toBe('In progress');
      const submit = page.locator('[data-testid=submit-quiz]');
      expect(await submit.isDisabled()).toBe(true);
      // The first three right, the last two wrong (the choice after the right one).
      for (const [i, q] of QUIZ.entries()) await answer(page, i, i < 3 ? q.answer : (q.answer + 1) % q.choices.length);
      await submit.click();
      const failed = page.locator('[data-testid=quiz-failed]');
      await failed.waitFor();
      expect(await failed.textContent()).toContain('3 of 5 right');
      expect(await page.locator('[data-testid=progress]').textContent()).toContain('1 / 2 lessons');
      expect(await fitsPhone(page)).toBe(true);
      await screenshot(page, 'training/phone-quiz-failed');

      // One answer changed: 4 of 5 = 80 % passes, and the course is completed.
      await answer(page, 3, QUIZ[3].answer);
      await submit.click();
      await page.locator('[data-testid=course-completed]').waitFor();
      expect(await page.locator('[data-testid=enrolment-status]').textContent()).toBe('Completed');
      expect(await page.locator('[data-testid=progress]').textContent()).toContain('2 / 2 lessons');
      expect(await page.locator('.steps li[data-done]').count()).toBe(2);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'training/phone-completed');

      const saved = await call<{ status: string; completedLessons: string[]; lastQuiz: unknown }>(
        'GET',
        `/enrolments/${course.enrolmentId}`,
      );
      expect(saved.status).toBe('completed');
      expect(saved.completedLessons).toEqual([course.documentLessonId, course.quizLessonId]);
      expect(saved.lastQuiz).toEqual({ correct: 4, total: 5, passed: true });
      // The failed attempt's 422 is the only error the browser logged.
      expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('reads the player in Vietnamese on the phone, overdue course included', async () => {
    const { context, page } = await phone('vi');
    try {
      await page.goto(`${app.server.url}/app/me/training/${overdueEnrolmentId}`);
      await settled(page);
      expect(await page.locator('[data-testid=enrolment-status]').textContent()).toBe('Quá hạn');
      expect(await page.locator('[data-testid=mark-done]').textContent()).toBe('Đánh dấu đã xong');
      expect(await fitsPhone(page)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'training/phone-overdue-vi');
    } finally {
      await context.close();
    }
  });
});

describe('staff', () => {
  test('open the enrolment read-only, see it counted in the report, and move a due date', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    try {
      // From the KOS's page: its training, then the enrolment.
      await page.goto(`${app.server.url}/app/kos/${app.server.ids.lanKosId}`);
      await settled(page);
      await page.locator('[data-testid=training-header-link]').click();
      await page.waitForURL(`${app.server.url}/app/kos/${app.server.ids.lanKosId}/training`);
      await settled(page);
      const cards = page.locator('[data-testid=enrolment-card]');
      expect(await cards.count()).toBe(2);
      await screenshot(page, 'training/kos-training');
      await cards.filter({ hasText: 'Selling Serum Hoa Sen' }).locator('h2 a').click();
      await page.waitForURL(`${app.server.url}/app/training/enrolments/${course.enrolmentId}?kosId=${app.server.ids.lanKosId}`);
      await settled(page);
      await page.locator('[data-testid=player]').waitFor();
      expect(await page.locator('[data-testid=read-only]').count()).toBe(1);
      expect(await page.locator('[data-testid=mark-done]').count()).toBe(0);
      expect(await page.locator('[data-testid=submit-quiz]').count()).toBe(0);
      expect(await page.locator('[data-testid=enrolment-status]').textContent()).toBe('Completed');

      await page.goto(`${app.server.url}/app/training?courseId=${course.courseId}`);
      await settled(page);
      const report = page.locator('[data-testid=training-report]');
      await report.locator('[data-testid=report-table]').waitFor();
      const completed = await report
        .locator('[data-testid=report-table] tbody tr')
        .evaluateAll((rows) => rows.map((r) => Number(r.querySelector('td:nth-child(4)')?.textContent)));
      expect(completed.reduce((a, b) => a + b, 0)).toBe(1);
      await screenshot(page, 'training/report-after-completion');

      // An owner moves the overdue course's due date ten days ahead: it is no longer overdue.
      await page.goto(`${app.server.url}/app/training/enrolments/${overdueEnrolmentId}`);
      await settled(page);
      expect(await page.locator('[data-testid=enrolment-status]').textContent()).toBe('Overdue');
      const due = page.locator('[data-testid=due-form] input[name=dueAt]');
      const later = new Date(Date.now() + 10 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
      await due.fill(`${later}T18:00`);
      await page.locator('[data-testid=due-form] button[type=submit]').click();
      await page.locator('[data-testid=due-saved]').waitFor();
      expect(await page.locator('[data-testid=enrolment-status]').textContent()).toBe('Assigned');
      const moved = await call<{ dueAt: string; status: string }>('GET', `/enrolments/${overdueEnrolmentId}`);
      expect(moved.status).toBe('assigned');
      // 18:00 in Ho Chi Minh City (UTC+7) is 11:00 UTC.
      expect(moved.dueAt).toBe(`${later}T11:00:00.000Z`);
    } finally {
      await context.close();
    }
  });
});
