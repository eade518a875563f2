import { useState } from 'react';
import { Button, Card, Descriptions, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { FailureAlert, useCodedError, type CodedFailure } from '@medchannel/web-shared/kernel';
import { AcknowledgeRecallDocument, MyRecallDocument, MyRecallsDocument, type MyRecallQuery } from '../../gql/graphql';

type Part = MyRecallQuery['recallDistributors']['nodes'][number];

/** One reached distributor's part of the recall (the own, or an owner's second tier) and its acknowledgement. */
export function AcknowledgeCard({ recallId, part, several }: { recallId: string; part: Part; several: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const explain = useCodedError();
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const [acknowledge, { loading }] = useMutation(AcknowledgeRecallDocument, {
    refetchQueries: [{ query: MyRecallDocument, variables: { id: recallId } }, MyRecallsDocument],
    awaitRefetchQueries: true,
  });
  const send = async () => {
    setFailure(null);
    try {
      await acknowledge({ variables: { id: recallId, distributorId: part.distributorId } });
    } catch (error) {
      setFailure(explain(error));
    }
  };
  return (
    <Card
      size="small"
      title={several ? part.distributorName : t('recall.myPart')}
      style={{ marginBottom: 12 }}
      data-testid="recall-part"
    >
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('recall.received')}>{part.received}</Descriptions.Item>
        <Descriptions.Item label={t('recall.held')}>{part.held}</Descriptions.Item>
        <Descriptions.Item label={t('recall.transferred')}>{part.transferred}</Descriptions.Item>
        <Descriptions.Item label={t('recall.sold')}>{part.sold}</Descriptions.Item>
      </Descriptions>
      {part.acknowledgedAt ? (
        <Tag color="green" icon={<CheckOutlined />} data-testid="recall-acknowledged">
          {t('recall.acknowledgedBy', {
            name: part.acknowledgedByName ?? '',
            time: format.dateTime(part.acknowledgedAt),
          })}
        </Tag>
      ) : (
        <>
          <FailureAlert failure={failure} testId="recall-ack-error" style={{ marginBottom: 8 }} />
          <Button type="primary" block size="large" loading={loading} onClick={() => void send()}>
            {several ? t('recall.acknowledgeFor', { name: part.distributorName }) : t('recall.acknowledge')}
          </Button>
        </>
      )}
    </Card>
  );
}
