import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import type { Lesson, QuizResult } from '../../data/training-enums';
import { errorText } from '../../problem-text';

/** The score of a failed attempt, from the 422 `quiz_failed` problem (`lastQuiz`). */
export function failedQuiz(error: unknown): QuizResult | null {
  if (!(error instanceof ApiError)) return null;
  const p = error.problem as ApiError['problem'] & { lastQuiz?: QuizResult };
  return p.code === 'quiz_failed' || p.lastQuiz ? (p.lastQuiz ?? null) : null;
}

/**
 * A quiz to answer: one radio group per question, submitted when every question has an answer. A failed
 * attempt shows the score and keeps the answers so they can be changed and sent again; 80 % passes.
 */
export function QuizPlayer({
  lesson,
  done,
  readOnly,
  pending,
  error,
  onSubmit,
}: {
  lesson: Lesson;
  done: boolean;
  readOnly: boolean;
  pending: boolean;
  error: unknown;
  onSubmit: (answers: number[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const questions = lesson.questions ?? [];
  const [answers, setAnswers] = useState<(number | null)[]>(() => questions.map(() => null));
  const failed = failedQuiz(error);
  const complete = answers.every((a) => a !== null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete) onSubmit(answers as number[]);
  };
  return (
    <form className="quiz-player" onSubmit={submit} data-testid="quiz-player" aria-label={lesson.title}>
      {questions.map((q, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a question's place in the quiz is its identity
        <fieldset key={i} className="quiz-q" disabled={readOnly || done || pending} data-question={i}>
          <legend>
            <span className="quiz-n">{i + 1}.</span> {q.q}
          </legend>
          {q.choices.map((choice, c) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a choice's index is what the API takes
            <label key={c} className="quiz-choice">
              <input
                type="radio"
                name={`q${i}`}
                value={c}
                checked={answers[i] === c}
                onChange={() => setAnswers((a) => a.map((x, j) => (j === i ? c : x)))}
              />
              <span>{choice}</span>
            </label>
          ))}
        </fieldset>
      ))}
      {failed && (
        <div className="alert quiz-failed" role="alert" data-testid="quiz-failed">
          <strong>{t('training.player.failed', { correct: failed.correct, total: failed.total })}</strong>
          <span>{t('training.player.retry')}</span>
        </div>
      )}
      {error !== null && error !== undefined && !failed && (
        <p className="alert" role="alert">
          {errorText(error, t, i18n.language)}
        </p>
      )}
      {done ? (
        <p className="notice" data-testid="quiz-passed">
          {t('training.player.quizDone')}
        </p>
      ) : (
        !readOnly && (
          <div className="player-actions">
            {!complete && <p className="muted small">{t('training.player.answerAll')}</p>}
            <button type="submit" className="btn primary big" disabled={!complete || pending} data-testid="submit-quiz">
              {pending ? t('common.working') : failed ? t('training.player.tryAgain') : t('training.player.submit')}
            </button>
          </div>
        )
      )}
    </form>
  );
}
