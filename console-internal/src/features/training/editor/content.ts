import { CourseKind, MaterialKind, QuestionKind } from '@medchannel/shared-schema';
import type { CourseContentInput, CourseVersionContentFragment } from '../../../gql/graphql';

/** The editor's form: a course version's content as typed (ids kept so progress follows a section across versions). */
export interface CourseValues {
  title: string;
  kind: CourseKind;
  summary?: string;
  productLineIds: string[];
  passScore: number;
  maxAttempts: number;
  validityMonths: number;
  sections: Array<{
    id?: string | null;
    title?: string;
    materials: Array<{ kind: MaterialKind; title?: string; body?: string | null; fileId?: string | null }>;
  }>;
  questions: Array<{
    id?: string | null;
    kind: QuestionKind;
    prompt?: string;
    options: Array<{ id?: string | null; text?: string; correct?: boolean }>;
  }>;
}

export const NEW_MATERIAL = { kind: MaterialKind.TEXT, title: '', body: '' };
export const NEW_SECTION = { title: '', materials: [NEW_MATERIAL] };
export const NEW_QUESTION = {
  kind: QuestionKind.SINGLE,
  prompt: '',
  options: [
    { text: '', correct: true },
    { text: '', correct: false },
  ],
};

/** A new course starts as a product course with one empty section and question. */
export function emptyCourse(): CourseValues {
  return {
    title: '',
    kind: CourseKind.PRODUCT,
    summary: '',
    productLineIds: [],
    passScore: 80,
    maxAttempts: 3,
    validityMonths: 12,
    sections: [structuredClone(NEW_SECTION)],
    questions: [structuredClone(NEW_QUESTION)],
  };
}

/** A version as the form holds it. */
export function valuesOf(v: CourseVersionContentFragment): CourseValues {
  return {
    title: v.title,
    kind: v.kind as CourseKind,
    summary: v.summary,
    productLineIds: v.productLines.map((l) => l.id),
    passScore: v.passScore,
    maxAttempts: v.maxAttempts,
    validityMonths: v.validityMonths,
    sections: v.sections.map((s) => ({
      id: s.id,
      title: s.title,
      materials: s.materials.map((m) => ({
        kind: m.kind as MaterialKind,
        title: m.title,
        body: m.body,
        fileId: m.fileId,
      })),
    })),
    questions: v.questions.map((q) => ({
      id: q.id,
      kind: q.kind as QuestionKind,
      prompt: q.prompt,
      options: q.options.map((o) => ({ id: o.id, text: o.text, correct: Boolean(o.correct) })),
    })),
  };
}

/** What the API takes: each material carries only its kind's own part (text or address, or the file). */
export function inputOf(values: CourseValues): CourseContentInput {
  return {
    title: values.title.trim(),
    kind: values.kind,
    summary: values.summary?.trim() ?? '',
    productLineIds: values.productLineIds ?? [],
    passScore: values.passScore,
    maxAttempts: values.maxAttempts,
    validityMonths: values.validityMonths,
    sections: (values.sections ?? []).map((s) => ({
      id: s.id || undefined,
      title: s.title?.trim() ?? '',
      materials: (s.materials ?? []).map((m) =>
        m.kind === MaterialKind.FILE
          ? { kind: m.kind, title: m.title?.trim() ?? '', fileId: m.fileId || undefined }
          : { kind: m.kind, title: m.title?.trim() ?? '', body: m.body?.trim() ?? '' },
      ),
    })),
    questions: (values.questions ?? []).map((q) => ({
      id: q.id || undefined,
      kind: q.kind,
      prompt: q.prompt?.trim() ?? '',
      options: (q.options ?? []).map((o) => ({
        id: o.id || undefined,
        text: o.text?.trim() ?? '',
        correct: Boolean(o.correct),
      })),
    })),
  };
}

/**
 * Why the API refused the place it named, in the trainer's words, read off what the form holds
 * there: `questions.2.options` is too few options, or the wrong count of right ones for its kind;
 * `sections.0.materials.1` is a text, address or file missing. A key under `trainingError.`.
 */
export function explainAt(path: string, values: CourseValues): string | undefined {
  const p = path.split('.');
  if (p[0] === 'questions' && p[2] === 'options') {
    const q = values.questions?.[Number(p[1])];
    if (!q) return undefined;
    const right = (q.options ?? []).filter((o) => o.correct).length;
    if ((q.options ?? []).length < 2) return 'options.tooFew';
    if (q.kind === QuestionKind.SINGLE && right !== 1) return 'options.single';
    if (q.kind === QuestionKind.MULTIPLE && right < 1) return 'options.multiple';
    return 'options.invalid';
  }
  if (p[0] === 'sections' && p[2] === 'materials' && p[3] !== undefined) {
    const m = values.sections?.[Number(p[1])]?.materials?.[Number(p[3])];
    return m ? `material.${m.kind}` : undefined;
  }
  return undefined;
}
