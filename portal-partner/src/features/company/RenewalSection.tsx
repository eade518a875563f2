import { useState } from 'react';
import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { MyQualificationFragment } from '../../gql/graphql';
import { RenewalForm } from './RenewalForm';
import { useScanUpload } from './useScanUpload';

/**
 * The owner's proposed renewal of a document: 待审核 while the brand decides (its scan still to send, if
 * sending it failed), the brand's reason once rejected, and 提交续期 whenever none is waiting.
 */
export function RenewalSection({
  q,
  canPropose,
  onChanged,
}: {
  q: MyQualificationFragment;
  canPropose: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const renewal = q.latestRenewal;
  const pending = renewal?.status === 'PENDING';
  // approved: a later document renews this one (it shows beside it); nothing more to propose here
  const renewed = renewal?.status === 'APPROVED';
  return (
    <div data-testid={`renewal-${q.type}`}>
      {renewal && pending && (
        <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
          <Tag color="processing">{t('company.renewalPending')}</Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('company.renewalWhat', {
              number: renewal.number,
              until: renewal.validTo ? format.date(renewal.validTo) : t('expiry.noEnd'),
            })}
          </Typography.Text>
          {!renewal.file && canPropose && <ScanAgain id={renewal.id} onUploaded={onChanged} />}
        </Flex>
      )}
      {renewal?.status === 'REJECTED' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={t('company.renewalRejected')}
          description={renewal.rejectReason}
        />
      )}
      {renewed && (
        <Tag color="green" style={{ marginTop: 8 }}>
          {t('company.renewalApproved')}
        </Tag>
      )}
      {canPropose && !pending && !renewed && !open && (
        <Button size="small" style={{ marginTop: 8 }} onClick={() => setOpen(true)}>
          {t('company.renewalPropose')}
        </Button>
      )}
      {open && !pending && (
        <RenewalForm
          q={q}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

/** The proposal's scan, when sending it with the proposal failed. */
function ScanAgain({ id, onUploaded }: { id: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const { input, busy, failure, pick } = useScanUpload(id, onUploaded);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/pdf,image/jpeg,image/png"
        hidden
        onChange={(e) => void pick(e.target.files?.[0])}
      />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {t('company.uploadScan')}
      </Button>
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
    </>
  );
}
