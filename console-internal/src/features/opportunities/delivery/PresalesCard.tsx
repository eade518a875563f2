import './strings';
import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PresalesKind } from '@medchannel/shared-schema';
import { chinaToday, useCodedError, type CodedErrorOptions } from '@medchannel/web-shared/kernel';
import { ErrorState } from '@medchannel/web-shared/states';
import {
  ConsolePresalesWorkDocument,
  LogConsolePresalesWorkDocument,
  ReverseConsolePresalesWorkDocument,
} from '../../../gql/graphql';

const ERRORS: CodedErrorOptions = { prefix: 'delivery.error', reload: ['ConsolePresalesWork'] };
const HOURS = /^\d{1,2}(\.\d{1,2})?$/;

/** 售前支持: an engineer logs hours against the opportunity; a wrong entry is reversed, never edited. */
export function PresalesCard({ opportunityId, canLog }: { opportunityId: string; canLog: boolean }) {
  const { t } = useTranslation();
  const explain = useCodedError(ERRORS);
  const [failure, setFailure] = useState<string | null>(null);
  const [kind, setKind] = useState<PresalesKind>(PresalesKind.DEMO);
  const [workDate, setWorkDate] = useState(chinaToday());
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const { data, error, refetch } = useQuery(ConsolePresalesWorkDocument, { variables: { opportunityId } });
  const onError = (e: unknown) => setFailure(explain(e).message);
  const refetchQueries = ['ConsolePresalesWork'];
  const [log, { loading }] = useMutation(LogConsolePresalesWorkDocument, { onError, refetchQueries });
  const [reverse] = useMutation(ReverseConsolePresalesWorkDocument, { onError, refetchQueries });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const work = data?.presalesWork;
  const submit = async () => {
    setFailure(null);
    const res = await log({
      variables: {
        input: { opportunityId, kind, workDate, hours, note: note.trim() || null, idempotencyKey: crypto.randomUUID() },
      },
    });
    if (res.data) {
      setHours('');
      setNote('');
    }
  };
  return (
    <Card
      title={t('delivery.presales')}
      extra={
        work && (
          <Typography.Text data-testid="presales-total">
            {t('delivery.totalHours', { hours: work.totalHours })}
          </Typography.Text>
        )
      }
      style={{ marginBottom: 16 }}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      {canLog && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('delivery.kindLabel')}
            value={kind}
            onChange={setKind}
            style={{ width: 120 }}
            options={Object.values(PresalesKind).map((k) => ({ value: k, label: t(`delivery.kind.${k}`) }))}
          />
          <Input
            aria-label={t('delivery.workDate')}
            type="date"
            value={workDate}
            onChange={(e) => setWorkDate(e.target.value)}
            style={{ width: 150 }}
          />
          <Input
            aria-label={t('delivery.hours')}
            placeholder={t('delivery.hours')}
            value={hours}
            onChange={(e) => setHours(e.target.value)}
            style={{ width: 110 }}
          />
          <Input
            aria-label={t('delivery.note')}
            placeholder={t('delivery.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            style={{ width: 200 }}
          />
          <Button type="primary" loading={loading} disabled={!HOURS.test(hours)} onClick={() => void submit()}>
            {t('delivery.log')}
          </Button>
        </Flex>
      )}
      <List
        size="small"
        data-testid="presales-entries"
        locale={{ emptyText: t('delivery.noPresales') }}
        dataSource={work?.entries ?? []}
        renderItem={(e) => (
          <List.Item
            actions={
              canLog && !e.reversed && !e.reversesId
                ? [
                    <Popconfirm
                      key="reverse"
                      title={t('delivery.reverseConfirm')}
                      onConfirm={() => void reverse({ variables: { id: e.id } })}
                    >
                      <Button size="small" type="link">
                        {t('delivery.reverse')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Flex gap={8} wrap>
              <span>{e.workDate}</span>
              <Tag>{t(`delivery.kind.${e.kind}`)}</Tag>
              <Typography.Text strong delete={e.reversed}>
                {e.hours}h
              </Typography.Text>
              {e.reversesId && <Tag color="orange">{t('delivery.reversal')}</Tag>}
              {e.reversed && <Tag>{t('delivery.reversed')}</Tag>}
              {e.note && <Typography.Text type="secondary">{e.note}</Typography.Text>}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
