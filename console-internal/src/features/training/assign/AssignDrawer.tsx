import { Button, Drawer, Result, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CourseDetailFragment } from '../../../gql/graphql';
import { AssignForm } from './AssignForm';
import { useAssignCourse } from './useAssignCourse';

interface Props {
  course: CourseDetailFragment;
  open: boolean;
  onClose: () => void;
  /** After an assignment is made: the page shows the assignments */
  onAssigned: () => void;
}

/**
 * Assigns the published course: to named distributors, tiers, or everyone authorized for product
 * lines (a campaign), their owners and/or reps, due on a date. The request key is made when the
 * drawer opens and kept through retries, so a double click or a lost answer assigns once; the
 * answer says how many people it reached.
 */
export default function AssignDrawer({ course, open, onClose, onAssigned }: Props) {
  const { t } = useTranslation();
  const assign = useAssignCourse(course, onAssigned);
  const { done } = assign;

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('assign.title', { title: course.title })}
      size={560}
      destroyOnHidden
      data-testid="assign-drawer"
      extra={
        done ? (
          <Button type="primary" onClick={onClose} data-testid="assign-done">
            {t('assign.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('action.cancel')}</Button>
            <Button
              type="primary"
              loading={assign.loading}
              onClick={() => void assign.submit()}
              data-testid="assign-submit"
            >
              {t('assign.submit')}
            </Button>
          </Space>
        )
      }
    >
      {done ? (
        <Result
          status="success"
          title={<span data-testid="assign-reached">{t('assign.reached', { count: done.enrolled })}</span>}
          subTitle={t('assign.reachedNote', { due: done.dueOn })}
        />
      ) : (
        <AssignForm assign={assign} />
      )}
    </Drawer>
  );
}
