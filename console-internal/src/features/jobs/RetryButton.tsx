import { App, Button, Popconfirm } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { JobQueuesDocument, RetryJobDocument, type JobRunRowFragment } from '../../gql/graphql';

/**
 * 重试 on a failed run, after a confirmation. The answer is the run in its new state (the cache
 * updates its row wherever it shows); the queues' counts are read again. A second click, or one on
 * a run retried meanwhile, changes nothing (the API answers the run as it is).
 */
export function RetryButton({ run }: { run: JobRunRowFragment }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const explain = useCodedError();
  const [retry, { loading }] = useMutation(RetryJobDocument, { refetchQueries: [JobQueuesDocument] });
  const onConfirm = async () => {
    try {
      await retry({ variables: { id: run.id } });
      void message.success(t('jobs.retried'));
    } catch (err) {
      void message.error(explain(err).message);
    }
  };
  return (
    <Popconfirm title={t('jobs.retryConfirm')} onConfirm={() => void onConfirm()}>
      <Button size="small" loading={loading} data-testid="job-retry">
        {t('jobs.retry')}
      </Button>
    </Popconfirm>
  );
}
