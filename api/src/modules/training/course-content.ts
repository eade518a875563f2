import { randomUUID } from 'node:crypto';
import { CourseKind, MaterialKind, QuestionKind } from '@medchannel/shared-schema';
import { badInput } from '../../common/errors';
import type { CourseContentInput } from './training.inputs';
import type { CourseVersion, QuestionDoc, SectionDoc } from './training.entity';

/** The shape of a course's content, checked when it is saved (structure) and when it is published (complete). */

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const keepId = (id: string | null | undefined) => (id && ID.test(id) ? id : randomUUID().slice(0, 12));

export interface ContentDocs {
  sections: SectionDoc[];
  questions: QuestionDoc[];
}

/** The input as stored documents: trimmed, with stable ids (kept when the client sends them, made when not). */
export function toDocs(input: CourseContentInput, courseFileIds: Set<string>): ContentDocs {
  const unique = (ids: string[], field: string) => {
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw badInput(field, `The id “${dup}” is used twice`);
  };
  const sections: SectionDoc[] = input.sections.map((s, i) => ({
    id: keepId(s.id),
    title: s.title.trim(),
    materials: s.materials.map((m, j) => {
      const field = `sections.${i}.materials.${j}`;
      if (m.kind === MaterialKind.VIDEO && !/^https?:\/\/\S+$/.test(m.body?.trim() ?? ''))
        throw badInput(field, 'A video is given by its http(s) address');
      if (m.kind === MaterialKind.TEXT && !m.body?.trim()) throw badInput(field, 'Write the text of this material');
      if (m.kind === MaterialKind.FILE && (!m.fileId || !courseFileIds.has(m.fileId)))
        throw badInput(field, 'Upload the file of this material to this course first');
      return {
        kind: m.kind,
        title: m.title.trim(),
        body: m.kind === MaterialKind.FILE ? null : m.body!.trim(),
        fileId: m.kind === MaterialKind.FILE ? m.fileId! : null,
      };
    }),
  }));
  unique(
    sections.map((s) => s.id),
    'sections',
  );
  const questions: QuestionDoc[] = input.questions.map((q, i) => {
    const options = q.options.map((o) => ({ id: keepId(o.id), text: o.text.trim(), correct: o.correct }));
    unique(
      options.map((o) => o.id),
      `questions.${i}.options`,
    );
    return { id: keepId(q.id), kind: q.kind, prompt: q.prompt.trim(), options };
  });
  unique(
    questions.map((q) => q.id),
    'questions',
  );
  return { sections, questions };
}

/** What a version needs before anyone can take it; throws on the first gap, naming where it is. */
export function assertPublishable(v: Pick<CourseVersion, 'kind' | 'productLineIds' | 'sections' | 'questions'>): void {
  if (v.kind === CourseKind.PRODUCT && !v.productLineIds.length)
    throw badInput('productLineIds', 'A product course names the product lines it certifies for');
  if (!v.sections.length) throw badInput('sections', 'Add at least one section');
  v.sections.forEach((s, i) => {
    if (!s.materials.length) throw badInput(`sections.${i}.materials`, `Section “${s.title}” has no material`);
  });
  if (!v.questions.length) throw badInput('questions', 'Add at least one quiz question');
  v.questions.forEach((q, i) => {
    const field = `questions.${i}.options`;
    if (q.options.length < 2) throw badInput(field, `Question ${i + 1} needs at least two options`);
    const right = q.options.filter((o) => o.correct).length;
    if (q.kind === QuestionKind.SINGLE && right !== 1)
      throw badInput(field, `Question ${i + 1} needs exactly one right option`);
    if (q.kind === QuestionKind.MULTIPLE && right < 1)
      throw badInput(field, `Question ${i + 1} needs at least one right option`);
  });
}

/**
 * Scores a quiz: a question counts when exactly its right options were chosen. Unknown question
 * or option ids, or two options on a single-choice question, are refused, not scored.
 */
export function scoreQuiz(
  questions: QuestionDoc[],
  answers: Array<{ questionId: string; optionIds: string[] }>,
): { score: number; correct: Map<string, boolean>; chosen: Record<string, string[]> } {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const chosen: Record<string, string[]> = {};
  answers.forEach((a, i) => {
    const q = byId.get(a.questionId);
    if (!q) throw badInput(`answers.${i}.questionId`, 'This question is not in the quiz');
    if (chosen[q.id]) throw badInput(`answers.${i}.questionId`, 'This question is answered twice');
    const ids = [...new Set(a.optionIds)];
    if (ids.some((id) => !q.options.some((o) => o.id === id)))
      throw badInput(`answers.${i}.optionIds`, 'An option is not one of the question’s');
    if (q.kind === QuestionKind.SINGLE && ids.length > 1) throw badInput(`answers.${i}.optionIds`, 'Choose one option');
    chosen[q.id] = ids.sort();
  });
  const correct = new Map(
    questions.map((q) => {
      const right = q.options
        .filter((o) => o.correct)
        .map((o) => o.id)
        .sort();
      const picked = chosen[q.id] ?? [];
      return [q.id, picked.length === right.length && picked.every((id, i) => id === right[i])];
    }),
  );
  const score = Math.round((100 * [...correct.values()].filter(Boolean).length) / Math.max(questions.length, 1));
  return { score, correct, chosen };
}
