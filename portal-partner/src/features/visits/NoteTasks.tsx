import { useState } from 'react';
import { Alert, Card, Checkbox } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { SetVisitTaskDoneDocument } from '../../gql/graphql';
import type { NoteDetail } from './NotePage';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { VISIT_ERRORS } from './visitErrors';

/** The follow-up tasks: everyone reads them; the ones assigned to me I tick off (or untick). */
export function NoteTasks({ tasks }: { tasks: NoteDetail['tasks'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useCurrentUser();
  const explain = useCodedError(VISIT_ERRORS);
  const [error, setError] = useState<string | null>(null);
  const [ticking, setTicking] = useState<string | null>(null);
  const [setDone, setting] = useMutation(SetVisitTaskDoneDocument);

  return (
    <Card size="small" title={t('visits.tasks')}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="task-error" />}
      <div className="pp-list" data-testid="note-tasks">
        {tasks.map((task) => {
          const mine = task.owner?.id === me.id;
          return (
            <div
              key={task.id}
              className="pp-item"
              data-testid="task"
              data-mine={String(mine)}
              data-done={String(task.done)}
            >
              <Checkbox
                checked={task.done}
                disabled={!mine || (setting.loading && ticking === task.id)}
                onChange={async (e) => {
                  setError(null);
                  setTicking(task.id);
                  try {
                    await setDone({
                      variables: { id: task.id, expectedVersion: task.version, done: e.target.checked },
                    });
                  } catch (err) {
                    setError(explain(err).message);
                  }
                }}
                data-testid="task-done"
              >
                <span className={task.done ? 'pv-done' : undefined}>{task.title}</span>
              </Checkbox>
              <div className="pp-item-line pp-muted">
                {mine ? t('visits.taskMine') : (task.owner?.displayName ?? '—')}
                {task.dueOn && ` · ${t('visits.dueOn', { date: format.date(task.dueOn) })}`}
              </div>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
