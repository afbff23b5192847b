import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCompleteLesson, useCourse, useEnrolment } from '../../data/training';
import { type Course, type Enrolment, isPlayableVideo, type Lesson } from '../../data/training-enums';
import { errorText } from '../../problem-text';
import { ErrorBox } from '../ui/error-box';
import { Loading } from '../ui/loading';
import { DueDateForm } from './due-date-form';
import { EnrolmentStatus, Progress } from './enrolment-bits';
import { QuizPlayer } from './quiz-player';

/**
 * One enrolment's lessons, in order, phone first: the steps with their ticks, then the lesson being
 * played (a video, a document's text, a quiz) with "Mark as done" or the quiz's submit, and a message
 * when every lesson is done. `readOnly`: staff look at it without completing anything.
 */
export function EnrolmentPlayer({
  enrolmentId,
  readOnly,
  canMoveDue = false,
}: {
  enrolmentId: string;
  readOnly: boolean;
  /** Shows the due-date form (owners and admins). */
  canMoveDue?: boolean;
}) {
  const enrolment = useEnrolment(enrolmentId);
  const course = useCourse(enrolment.data?.courseId ?? '');
  if (enrolment.isPending || (enrolment.data && course.isPending)) return <Loading />;
  if (enrolment.isError) return <ErrorBox error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  if (course.isError) return <ErrorBox error={course.error} onRetry={() => void course.refetch()} />;
  if (!enrolment.data || !course.data) return null;
  return <Player enrolment={enrolment.data} course={course.data} readOnly={readOnly} canMoveDue={canMoveDue} />;
}

function Player({
  enrolment,
  course,
  readOnly,
  canMoveDue,
}: {
  enrolment: Enrolment;
  course: Course;
  readOnly: boolean;
  canMoveDue: boolean;
}) {
  const { t, i18n } = useTranslation();
  const complete = useCompleteLesson(enrolment.id);
  const done = new Set(enrolment.completedLessons);
  const firstOpen = course.lessons.findIndex((l) => !done.has(l.id));
  // Lessons play in order: the ones done and the first one not done can be opened.
  const reachable = firstOpen === -1 ? course.lessons.length - 1 : firstOpen;
  const [picked, setPicked] = useState<number | null>(null);
  const current = Math.min(picked ?? Math.max(firstOpen, 0), reachable);
  const lesson = course.lessons[current];
  const finished = enrolment.status === 'completed' || (course.lessons.length > 0 && firstOpen === -1);
  const finish = (l: Lesson, answers?: number[]) =>
    complete.mutate(
      { lessonId: l.id, answers },
      {
        onSuccess: () => {
          setPicked(null);
          complete.reset();
        },
      },
    );

  return (
    <div className="player" data-testid="player" data-status={enrolment.status}>
      <header className="player-head">
        <h2>{course.title}</h2>
        {course.description && <p className="muted">{course.description}</p>}
        <div className="player-meta">
          <EnrolmentStatus enrolment={enrolment} />
          <Progress done={done.size} total={course.lessons.length} />
        </div>
      </header>
      {canMoveDue && <DueDateForm key={enrolment.id} enrolment={enrolment} />}
      {finished && (
        <p className="notice player-done" role="status" data-testid="course-completed">
          {t('training.player.completed', { course: course.title })}
        </p>
      )}
      <ol className="steps" aria-label={t('training.player.lessons')}>
        {course.lessons.map((l, i) => (
          <li key={l.id} className={i === current ? 'current' : undefined} data-done={done.has(l.id) || undefined}>
            <button
              type="button"
              className="step"
              disabled={i > reachable}
              aria-current={i === current ? 'step' : undefined}
              onClick={() => {
                complete.reset();
                setPicked(i);
              }}
            >
              <span className="step-mark" aria-hidden="true">
                {done.has(l.id) ? '✓' : i + 1}
              </span>
              <span className="step-title">{l.title}</span>
              <span className="visually-hidden">
                {' '}
                ({t(`training.kind.${l.kind}`)}
                {done.has(l.id) ? `, ${t('training.player.done')}` : ''})
              </span>
            </button>
          </li>
        ))}
      </ol>
      {lesson && (
        <article className="lesson card" data-testid="lesson" data-kind={lesson.kind} data-lesson={lesson.id}>
          <p className="muted small">
            {t('training.player.lessonOf', { n: current + 1, total: course.lessons.length })} ·{' '}
            {t(`training.kind.${lesson.kind}`)}
          </p>
          <h3>{lesson.title}</h3>
          {lesson.kind === 'video' && <VideoLesson url={lesson.url ?? ''} />}
          {lesson.kind !== 'quiz' && lesson.body && <div className="doc-body">{lesson.body}</div>}
          {lesson.kind === 'document' && lesson.url && (
            <p>
              <a className="btn" href={lesson.url} target="_blank" rel="noreferrer" data-testid="document-link">
                {t('training.player.openDocument')}
              </a>
            </p>
          )}
          {lesson.kind === 'quiz' ? (
            <QuizPlayer
              key={lesson.id}
              lesson={lesson}
              done={done.has(lesson.id)}
              readOnly={readOnly}
              pending={complete.isPending}
              error={complete.error}
              onSubmit={(answers) => finish(lesson, answers)}
            />
          ) : done.has(lesson.id) ? (
            <p className="notice" data-testid="lesson-done">
              {t('training.player.lessonDone')}
            </p>
          ) : (
            !readOnly && (
              <div className="player-actions">
                {complete.error !== null && (
                  <p className="alert" role="alert">
                    {errorText(complete.error, t, i18n.language)}
                  </p>
                )}
                <button
                  type="button"
                  className="btn primary big"
                  disabled={complete.isPending}
                  data-testid="mark-done"
                  onClick={() => finish(lesson)}
                >
                  {complete.isPending ? t('common.working') : t('training.player.markDone')}
                </button>
              </div>
            )
          )}
        </article>
      )}
    </div>
  );
}

function VideoLesson({ url }: { url: string }) {
  const { t } = useTranslation();
  if (!url) return null;
  if (isPlayableVideo(url))
    return (
      // biome-ignore lint/a11y/useMediaCaption: training videos are the org's own recordings; captions are theirs to add
      <video className="lesson-video" controls preload="metadata" src={url} />
    );
  return (
    <p>
      <a className="btn" href={url} target="_blank" rel="noreferrer" data-testid="video-link">
        {t('training.player.openVideo')}
      </a>
    </p>
  );
}
