import { useState } from 'react';
import { App, Button, Flex, Input, Modal, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useCan, useFormat } from '@medchannel/web-shared';
import { downloadFile, useCodedError } from '@medchannel/web-shared/kernel';
import {
  ApproveQualificationRenewalDocument,
  RejectQualificationRenewalDocument,
  type RenewalReviewFragment,
} from '../../gql/graphql';

/** A document row's column for the owner's proposed renewal: 待审核, its scan, and the brand's answer. */
export function useRenewalColumn<Row extends { latestRenewal?: RenewalReviewFragment | null }>(onDecided: () => void) {
  const { t } = useTranslation();
  return {
    title: t('renewalReview.column'),
    key: 'renewal',
    width: 260,
    render: (_: unknown, q: Row) =>
      q.latestRenewal?.status === 'PENDING' ? <RenewalReview renewal={q.latestRenewal} onDecided={onDecided} /> : null,
  };
}

function RenewalReview({ renewal, onDecided }: { renewal: RenewalReviewFragment; onDecided: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const mayDecide = useCan('qualification.approveRenewal');
  const explain = useCodedError({ prefix: 'renewalReview.error' });
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [approve, approving] = useMutation(ApproveQualificationRenewalDocument);
  const [reject, rejectingNow] = useMutation(RejectQualificationRenewalDocument);
  const decide = async (run: () => Promise<unknown>) => {
    try {
      await run();
      setRejecting(false);
      onDecided();
    } catch (error) {
      void message.error(explain(error).message);
    }
  };
  const input = { renewalId: renewal.id, expectedVersion: renewal.version };
  const file = renewal.file;
  return (
    <Flex vertical gap={4} data-testid={`renewal-review-${renewal.id}`}>
      <Flex gap={6} wrap align="center">
        <Tag color="processing">{t('renewalReview.pending')}</Tag>
        <Typography.Text>{renewal.number}</Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('renewalReview.validity', {
          from: format.date(renewal.validFrom),
          to: renewal.validTo ? format.date(renewal.validTo) : t('expiry.noEnd'),
        })}
      </Typography.Text>
      {file ? (
        <Typography.Link onClick={() => void downloadFile(file.url, 'console', file.name)}>{file.name}</Typography.Link>
      ) : (
        <Typography.Text type="secondary">{t('renewalReview.noScan')}</Typography.Text>
      )}
      {mayDecide && (
        <Flex gap={6}>
          <Button
            size="small"
            type="primary"
            loading={approving.loading}
            onClick={() => void decide(() => approve({ variables: { input } }))}
          >
            {t('renewalReview.approve')}
          </Button>
          <Button size="small" danger onClick={() => setRejecting(true)}>
            {t('renewalReview.reject')}
          </Button>
        </Flex>
      )}
      <Modal
        open={rejecting}
        title={t('renewalReview.rejectTitle', { number: renewal.number })}
        okText={t('renewalReview.reject')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: rejectingNow.loading }}
        onOk={() => void decide(() => reject({ variables: { input: { ...input, reason: reason.trim() } } }))}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <Input.TextArea
          aria-label={t('renewalReview.reason')}
          placeholder={t('renewalReview.reason')}
          maxLength={500}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}
