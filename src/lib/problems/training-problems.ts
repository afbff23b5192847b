/** Problems of training: courses, their lessons and quizzes, enrolments (docs/training.md). */
export const TRAINING_PROBLEMS = {
  'course.not_found': 'course not found',
  'enrolment.not_found': 'enrolment not found',
  'lesson.not_found': 'the course has no such lesson',

  'course.lesson.id_format': 'must be 1–64 characters A–Z, a–z, 0–9, _ or -',
  'course.lessons.required_to_publish': 'a published course needs at least one lesson',
  'course.lesson.url_required': 'a video lesson needs a url',
  'course.lesson.content_required': 'a document lesson needs a body or a url',
  'course.lesson.questions_required': 'a quiz needs at least one question',
  'course.lesson.questions_not_quiz': 'only a quiz lesson has questions',
  'course.question.answer_out_of_range': 'must be the index of one of the {{choices}} choices (0 to {{max}})',

  'enrolment.quiz.answers_count': 'a quiz needs one answer per question ({{total}})',
  'enrolment.quiz.not_passed': 'the quiz was not passed (it passes from 80 %)',
  'enrolment.quiz.failed': '{{correct}} of {{total}} answers are right; a quiz passes from 80 %',
} as const;
