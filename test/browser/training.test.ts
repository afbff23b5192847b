import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Console, consoleErrors, screenshot, settled, signedInPage, startConsole } from './harness.js';
import { type Call, ownerApi } from './me-seed.js';

/**
 * `/app/training` and the course editor: an owner builds a course (a document, a video and a quiz, moved
 * into order), meets the server's error on the quiz's empty choice, publishes it, and finds it in the list
 * with its completion report; a manager reads the course with every control disabled.
 */
let app: Console;
let call: Call;
let courseId = '';
beforeAll(async () => {
  app = await startConsole();
  call = await ownerApi(app.server);
});
afterAll(async () => {
  await app?.close();
});

interface CourseOut {
  id: string;
  title: string;
  published: boolean;
  required: boolean;
  dueDays: number;
  audience: { statuses: string[] };
  lessons: { id: string; title: string; kind: string; url: string | null; body: string | null; questions: unknown[] }[];
}

describe('an owner', () => {
  test('builds a course in the editor and publishes it', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword);
    const errors = consoleErrors(page);
    try {
      await page.goto(`${app.server.url}/app/training`);
      await settled(page);
      expect(await page.locator('[data-testid=empty-state]').count()).toBe(2); // no course, no report yet
      await screenshot(page, 'training/empty');
      await page.locator('[data-testid=new-course]').click();
      await page.waitForURL(`${app.server.url}/app/training/courses/new`);
      await settled(page);

      const form = page.locator('[data-testid=course-form]');
      await form.locator('input[name=title]').fill('Tier C: selling basics');
      await form.locator('textarea[name=description]').fill('The first steps for KOS in tier C.');
      await form.locator('input[name=dueDays]').fill('10');
      await form.locator('input[name=required]').check();
      await form.locator('input[name="audience.statuses"][value=active]').check();

      // Lesson 1 (a document) is there from the start.
      await form.locator('input[name="lessons.0.title"]').fill('How we sell');
      await form.locator('textarea[name="lessons.0.body"]').fill('Greet, show, answer, close.');
      // Lesson 2: a quiz, whose second choice is left empty for now.
      await form.locator('[data-testid=add-quiz]').click();
      await form.locator('input[name="lessons.1.title"]').fill('Check yourself');
      const quiz = form.locator('[data-testid=lesson-card][data-kind=quiz]');
      await quiz.locator('input[name$="-q0"]').fill('What comes after “show”?');
      await quiz.locator('input[name$="-q0-choice0"]').fill('Close');
      await quiz.getByRole('button', { name: 'Add a choice' }).click();
      await quiz.locator('input[name$="-q0-choice2"]').fill('Answer');
      await quiz.getByLabel('Choice 3 is the right answer').check();
      // Lesson 3: a video, then moved up to be the second lesson.
      await form.locator('[data-testid=add-video]').click();
      await form.locator('input[name="lessons.2.title"]').fill('Watch a live');
      await form.locator('input[name="lessons.2.url"]').fill('https://www.youtube.com/watch?v=kos101');
      await form.getByRole('button', { name: 'Move lesson 3 up' }).click();
      expect(await form.locator('[data-testid=lesson-card]').evaluateAll((cards) => cards.map((c) => c.dataset.kind))).toEqual([
        'document',
        'video',
        'quiz',
      ]);
      await form.locator('input[name=published]').check();

      // The server refuses the empty choice; its error shows on the quiz, and nothing is created.
      await form.locator('[data-testid=save-course]').click();
      const error = form.locator('.field-error[data-field="lessons.2.questions.0.choices"]');
      await error.waitFor();
      expect(await page.url()).toBe(`${app.server.url}/app/training/courses/new`);
      await screenshot(page, 'training/editor-error');
      await quiz.locator('input[name$="-q0-choice1"]').fill('Dance');

      await form.locator('[data-testid=save-course]').click();
      await page.waitForURL(/\/app\/training\/courses\/[^/?]+\?saved=1$/);
      await page.locator('[data-testid=course-saved]').waitFor();
      expect(await page.locator('[data-testid=course-state]').textContent()).toBe('Published');
      courseId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await screenshot(page, 'training/editor-saved');

      const saved = await call<CourseOut>('GET', `/courses/${courseId}`);
      expect(saved).toMatchObject({
        title: 'Tier C: selling basics',
        published: true,
        required: true,
        dueDays: 10,
        audience: { statuses: ['active'] },
      });
      expect(saved.lessons.map((l) => [l.kind, l.title])).toEqual([
        ['document', 'How we sell'],
        ['video', 'Watch a live'],
        ['quiz', 'Check yourself'],
      ]);
      expect(saved.lessons[1]?.url).toBe('https://www.youtube.com/watch?v=kos101');
      expect(saved.lessons[2]?.questions).toEqual([
        { q: 'What comes after “show”?', choices: ['Close', 'Dance', 'Answer'], answer: 2 },
      ]);

      // The editor reloads what was saved; a change keeps the lessons' ids.
      await page.reload();
      await settled(page);
      const again = page.locator('[data-testid=course-form]');
      expect(await again.locator('input[name="lessons.1.url"]').inputValue()).toBe('https://www.youtube.com/watch?v=kos101');
      await again.locator('input[name=dueDays]').fill('12');
      await again.locator('[data-testid=save-course]').click();
      // The "saved" notice is already shown after the reload (?saved=1 from the first save): wait for the
      // stored course itself, not for the notice.
      await expect.poll(async () => (await call<CourseOut>('GET', `/courses/${courseId}`)).dueDays).toBe(12);
      const changed = await call<CourseOut>('GET', `/courses/${courseId}`);
      expect(changed.dueDays).toBe(12);
      expect(changed.lessons.map((l) => l.id)).toEqual(saved.lessons.map((l) => l.id));

      // The list shows it, and the report counts its assignments by unit and tier.
      await page.goto(`${app.server.url}/app/training`);
      await settled(page);
      const row = page.locator('[data-testid=course-table] tbody tr', { hasText: 'Tier C: selling basics' });
      expect(await row.locator('.badge').textContent()).toBe('Published');
      expect(await row.textContent()).toContain('Required');
      const report = page.locator('[data-testid=training-report] [data-testid=report-table]');
      await report.waitFor();
      expect(await report.locator('tbody tr').count()).toBeGreaterThan(0);
      expect(await report.locator('.rate-text').first().textContent()).toBe('0%');
      await screenshot(page, 'training/list-and-report');
      // The failed save's 422 is the only error the browser logged.
      expect(errors.filter((e) => !e.includes('422'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a manager', () => {
  test('reads the course with every control disabled and cannot create one', async () => {
    const { context, page } = await signedInPage(app, app.server.managerEmail, app.server.memberPassword);
    try {
      await page.goto(`${app.server.url}/app/training`);
      await settled(page);
      expect(await page.locator('[data-testid=new-course]').count()).toBe(0);
      await page.goto(`${app.server.url}/app/training/courses/${courseId}`);
      await settled(page);
      const form = page.locator('[data-testid=course-form]');
      await form.waitFor();
      expect(await form.locator('input[name=title]').isDisabled()).toBe(true);
      expect(await form.locator('[data-testid=save-course]').count()).toBe(0);
      await page.goto(`${app.server.url}/app/training/courses/new`);
      await page.locator('[data-testid=forbidden]').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('on a 390 px phone', () => {
  test('the courses, the report and the editor fit the screen', async () => {
    const { context, page } = await signedInPage(app, app.server.ownerEmail, app.server.ownerPassword, {
      width: 390,
      language: 'vi',
    });
    try {
      for (const path of ['/app/training', `/app/training/courses/${courseId}`, '/app/training/courses/new']) {
        await page.goto(app.server.url + path);
        await settled(page);
        expect(await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth'), path).toBe(
          false,
        );
      }
      await page.goto(`${app.server.url}/app/training/courses/${courseId}`);
      await settled(page);
      await screenshot(page, 'training/phone-editor-vi');
    } finally {
      await context.close();
    }
  });
});
