import { useState } from 'react';
import { App, Form } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  ArchiveCourseDocument,
  CreateCourseDocument,
  PublishCourseDocument,
  SaveCourseDraftDocument,
  type CourseDetailFragment,
} from '../../../gql/graphql';
import { showFieldError, useCodedError, type CodedFailure } from '@medchannel/web-shared/kernel';
import { emptyCourse, explainAt, inputOf, valuesOf, type CourseValues } from './content';
import type { PlacedError } from './fieldErrors';

/** Fields of the form itself: a refusal naming one is shown under its input. */
const FORM_FIELDS = ['title', 'kind', 'summary', 'passScore', 'maxAttempts', 'validityMonths'];
/** Lists and their parts: a refusal naming one is shown where it is (ErrorAt). */
const PLACED = /^(sections|questions|productLineIds)(\.|$)/;

/**
 * Editing one course: the form starts from its draft (or, with none, its published version) and is
 * only ever replaced by what the server answers after a save or a publish, or when the trainer asks
 * for the latest: a refusal of any kind leaves everything typed in place. Saving sends the version
 * the page loaded; a stale one reloads the course's versions and says so.
 */
export function useCourseEditor(course: CourseDetailFragment | null, isNew: boolean) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CourseValues>();
  const explain = useCodedError({ prefix: 'trainingError', reload: ['Course', 'CourseAssignments'] });
  const [create, creating] = useMutation(CreateCourseDocument);
  const [saveDraft, saving] = useMutation(SaveCourseDraftDocument);
  const [publish, publishing] = useMutation(PublishCourseDocument);
  const [archive, archiving] = useMutation(ArchiveCourseDocument);
  const [loaded, setLoaded] = useState<{ key: string; values: CourseValues; n: number } | null>(null);
  const [placed, setPlaced] = useState<PlacedError | null>(null);
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const [dirty, setDirty] = useState(false);

  const key = isNew ? 'new' : (course?.id ?? '');
  const load = (from: CourseDetailFragment | null) => {
    const version = from?.draft ?? from?.published;
    setLoaded((before) => ({
      key: from?.id ?? 'new',
      values: version ? valuesOf(version) : emptyCourse(),
      n: (before?.n ?? 0) + 1,
    }));
    setDirty(false);
  };
  // The first time a course (or the new one) is shown, the form starts from it.
  if (loaded?.key !== key && (isNew || course)) load(isNew ? null : course);

  const clear = () => {
    setPlaced(null);
    setFailure(null);
  };

  const show = (error: unknown, values: CourseValues) => {
    const f = explain(error);
    const path = f.field;
    if (path && showFieldError(form, f, FORM_FIELDS)) {
      form.scrollToField(path);
    } else if (path && PLACED.test(path)) {
      const own = explainAt(path, values);
      const text = own ? t(`trainingError.${own}`) : f.message;
      setPlaced({ path, message: text });
      setFailure({ ...f, message: t('editor.fixAt', { message: text }) });
      setTimeout(
        () => document.getElementById(`error-at-${path}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }),
        50,
      );
    } else {
      setFailure(f);
    }
  };

  /** Checks what the form can, then saves: a new course is created, an existing one's draft written (version n+1 when it was published). */
  const save = async (): Promise<CourseDetailFragment | null> => {
    clear();
    const checked = await form
      .validateFields()
      .catch((e: { errorFields?: Array<{ name: Array<string | number> }> }) => {
        if (e.errorFields?.[0]) form.scrollToField(e.errorFields[0].name, { block: 'center' });
        return null;
      });
    if (!checked) return null;
    const values = form.getFieldsValue(true) as CourseValues;
    try {
      if (!course) {
        const { data } = await create({ variables: { input: inputOf(values) } });
        const created = data!.createCourse;
        void message.success(t('editor.created'));
        void navigate(`/training/courses/${created.id}`, { replace: true });
        return created;
      }
      const { data } = await saveDraft({
        variables: { id: course.id, expectedVersion: course.version, input: inputOf(values) },
      });
      const saved = data!.saveCourseDraft;
      load(saved);
      void message.success(t('editor.saved', { version: saved.draftVersion }));
      return saved;
    } catch (error) {
      show(error, values);
      return null;
    }
  };

  /** Publishes the draft, saving what was typed first: the version before is retired. */
  const publishDraft = async () => {
    const current = dirty || !course?.draftVersion ? await save() : course;
    if (!current) return;
    clear();
    try {
      const { data } = await publish({ variables: { id: current.id, expectedVersion: current.version } });
      load(data!.publishCourse);
      void message.success(t('editor.publishedNow', { version: data!.publishCourse.publishedVersion }));
    } catch (error) {
      show(error, form.getFieldsValue(true) as CourseValues);
    }
  };

  const setArchived = async (archived: boolean) => {
    if (!course) return;
    clear();
    try {
      await archive({ variables: { id: course.id, expectedVersion: course.version, archived } });
      void message.success(t(archived ? 'editor.archivedNow' : 'editor.unarchivedNow'));
    } catch (error) {
      setFailure(explain(error));
    }
  };

  return {
    form,
    /** What the form starts from, and the key that remounts it when that changes */
    initial: loaded?.key === key ? loaded : null,
    placed,
    failure,
    dirty,
    busy: creating.loading || saving.loading || publishing.loading || archiving.loading,
    saving: creating.loading || saving.loading,
    publishing: publishing.loading,
    onChange: () => setDirty(true),
    save,
    publish: publishDraft,
    setArchived,
    /** Drops what was typed for the course as it is now on the server */
    loadLatest: () => {
      clear();
      load(course);
    },
  };
}
