import { useState } from 'react';
import { Checkbox, List, Space, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { CommitmentKindTag, CommitmentStatusTag } from '@medchannel/web-shared/visits';
import {
  SetVisitTaskDoneDocument,
  type VisitCommitmentFieldsFragment,
  type VisitNoteDetailFragment,
} from '../../../gql/graphql';
import { useCodedError, type CodedFailure, FailureAlert } from '@medchannel/web-shared/kernel';

/** Follow-up tasks, each ticked done by its owner or the note's author (with the version seen). */
export function NoteTasks({ note }: { note: VisitNoteDetailFragment }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const explain = useCodedError({ prefix: 'visitError', reload: ['VisitNote'] });
  const [setDone] = useMutation(SetVisitTaskDoneDocument);
  const toggle = async (task: VisitNoteDetailFragment['tasks'][number], done: boolean) => {
    setFailure(null);
    await setDone({ variables: { id: task.id, expectedVersion: task.version, done } }).catch((error: unknown) =>
      setFailure(explain(error)),
    );
  };
  return (
    <>
      <FailureAlert failure={failure} testId="task-error" style={{ marginBottom: 8 }} detail={false} withReason />
      <List
        dataSource={note.tasks}
        locale={{ emptyText: t('note.noTasks') }}
        data-testid="note-tasks"
        renderItem={(task) => {
          const mayTick = task.owner?.id === user.id || note.author?.id === user.id;
          return (
            <List.Item data-testid="note-task" data-done={task.done ? 'yes' : 'no'}>
              <Checkbox
                checked={task.done}
                disabled={!mayTick}
                onChange={(e) => void toggle(task, e.target.checked)}
                data-testid="task-done"
              >
                <Typography.Text delete={task.done}>{task.title}</Typography.Text>
              </Checkbox>
              <Typography.Text type="secondary">
                {[task.owner?.displayName, task.dueOn && t('note.dueValue', { date: task.dueOn })]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
    </>
  );
}

/** One commitment: kind, what, amount and date, status, and the owner's and the head's answers. */
export function CommitmentItem({ c }: { c: VisitCommitmentFieldsFragment }) {
  const { t } = useTranslation();
  const format = useFormat();
  const time = useFormat();
  return (
    <Space
      direction="vertical"
      size={2}
      style={{ width: '100%' }}
      data-testid="commitment-row"
      data-status={c.status}
      data-id={c.id}
    >
      <Space wrap>
        <CommitmentKindTag kind={c.kind} />
        <CommitmentStatusTag status={c.status} />
        <Typography.Text>{c.description}</Typography.Text>
        {c.amount && <Typography.Text strong>{format.money(c.amount)}</Typography.Text>}
        {c.dueOn && <Typography.Text type="secondary">{t('note.dueValue', { date: c.dueOn })}</Typography.Text>}
      </Space>
      {c.answeredBy && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`note.answered.${c.status === 'DISPUTED' || c.disputeReason ? 'disputed' : 'acknowledged'}`, {
            who: c.answeredBy.displayName,
            at: time.dateTime(c.answeredAt),
          })}
          {c.disputeReason && <span data-testid="commitment-dispute-reason">：{c.disputeReason}</span>}
        </Typography.Text>
      )}
      {c.resolution && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="commitment-resolution">
          {t('note.resolved', { who: c.resolvedBy?.displayName ?? '—', at: time.dateTime(c.resolvedAt) })}：
          {c.resolution}
        </Typography.Text>
      )}
    </Space>
  );
}
