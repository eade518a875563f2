import { useState } from 'react';
import { Form } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ErrorCode, Role } from '@medchannel/shared-schema';
import {
  AssignCourseDocument,
  type CourseAssignmentRowFragment,
  type CourseDetailFragment,
} from '../../../gql/graphql';
import { type CodedFailure, newRequestKey, showFieldError, useCodedError } from '@medchannel/web-shared/kernel';

export interface AssignValues {
  tiers: number[];
  productLineIds: string[];
  roles: Role[];
  dueOn: Dayjs;
}

/** Form fields a refusal may name; anything else is shown above the form. */
const FIELDS = ['tiers', 'productLineIds', 'roles', 'dueOn'];

/**
 * The assignment form's state and submit. The request key is made when the drawer opens and kept
 * through retries, so a double click or a lost answer assigns once.
 */
export function useAssignCourse(course: CourseDetailFragment, onAssigned: () => void) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const [key] = useState(newRequestKey);
  const [distributors, setDistributors] = useState<Array<{ id: string; label: string }>>([]);
  const [picking, setPicking] = useState<string | undefined>();
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const [done, setDone] = useState<CourseAssignmentRowFragment | null>(null);
  const explain = useCodedError({ prefix: 'trainingError', reload: ['Course'] });
  const [assign, { loading }] = useMutation(AssignCourseDocument, {
    refetchQueries: ['CourseAssignments', 'CourseEnrollments', 'TrainingCompletion'],
  });

  const submit = async () => {
    if (loading) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFailure(null);
    if (!distributors.length && !values.tiers?.length && !values.productLineIds?.length) {
      setFailure({ code: ErrorCode.BAD_USER_INPUT, stale: false, message: t('trainingError.field.distributorIds') });
      return;
    }
    try {
      const { data } = await assign({
        variables: {
          input: {
            courseId: course.id,
            idempotencyKey: key,
            distributorIds: distributors.map((d) => d.id),
            tiers: values.tiers ?? [],
            productLineIds: values.productLineIds ?? [],
            roles: values.roles ?? [],
            dueOn: values.dueOn.format('YYYY-MM-DD'),
          },
        },
      });
      setDone(data!.assignCourse);
      onAssigned();
    } catch (error) {
      const f = explain(error);
      if (!showFieldError(form, f, FIELDS)) setFailure(f);
    }
  };

  const pick = (id: string | undefined, label?: string) => {
    if (id && !distributors.some((d) => d.id === id)) setDistributors([...distributors, { id, label: label ?? id }]);
    setPicking(undefined);
  };
  const unpick = (id: string) => setDistributors(distributors.filter((x) => x.id !== id));

  return { form, distributors, picking, pick, unpick, failure, done, loading, submit };
}
