import { useRef, useState } from 'react';
import { Button, Flex, Input, Tag, Typography } from 'antd';
import { CheckOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { chinaToday, uploadFile } from '@medchannel/web-shared/kernel';
import { FileThumbnails } from '@medchannel/web-shared/components';
import type { ConsoleDeliveryProjectFragment } from '../../../gql/graphql';

type Milestone = ConsoleDeliveryProjectFragment['milestones'][number];

interface Props {
  milestone: Milestone;
  canManage: boolean;
  onPlan: (plannedDate: string | null) => void;
  onDone: (doneDate: string) => void;
  onUploaded: (failure: string | null) => void;
}

/** One milestone: planned and done days, its files; the manager plans, uploads and marks it done. */
export function MilestoneRow({ milestone: m, canManage, onPlan, onDone, onUploaded }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [doneDate, setDoneDate] = useState(chinaToday());
  const name = t(`delivery.milestone.${m.kind}`);
  const acceptance = m.kind === 'ACCEPTANCE';
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    const kind = acceptance ? 'ACCEPTANCE_DOCUMENT' : 'PHOTO';
    const sent = await uploadFile(`/files/delivery-milestones/${m.id}/files?kind=${kind}`, file, 'console');
    setBusy(false);
    if (input.current) input.current.value = '';
    onUploaded(sent.ok ? null : t(`errors.reason.${sent.reason}`, { defaultValue: t(`errors.code.${sent.code}`) }));
  };
  return (
    <Flex vertical gap={4} data-testid={`milestone-${m.kind}`}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{name}</Typography.Text>
        {m.doneDate ? (
          <Tag color="green">{`${t('delivery.done')} ${m.doneDate}`}</Tag>
        ) : (
          m.overdue && <Tag color="red">{t('delivery.overdue')}</Tag>
        )}
      </Flex>
      <Flex gap={8} align="center" wrap>
        <span>{t('delivery.planned')}</span>
        {canManage && !m.doneDate ? (
          <Input
            type="date"
            aria-label={`${name} ${t('delivery.plan')}`}
            defaultValue={m.plannedDate ?? ''}
            onBlur={(e) => e.target.value !== (m.plannedDate ?? '') && onPlan(e.target.value || null)}
            style={{ width: 150 }}
          />
        ) : (
          <span>{m.plannedDate ?? '—'}</span>
        )}
        {canManage && !m.doneDate && (
          <>
            <Input
              type="date"
              aria-label={`${name} ${t('delivery.doneDate')}`}
              value={doneDate}
              onChange={(e) => setDoneDate(e.target.value)}
              style={{ width: 150 }}
            />
            <Button size="small" icon={<CheckOutlined />} onClick={() => onDone(doneDate)}>
              {`${t('delivery.markDone')}：${name}`}
            </Button>
          </>
        )}
        {canManage && (
          <>
            <input
              ref={input}
              type="file"
              hidden
              accept="application/pdf,image/jpeg,image/png"
              aria-label={`${name} ${acceptance ? t('delivery.uploadAcceptance') : t('delivery.uploadPhoto')}`}
              onChange={(e) => void pick(e.target.files?.[0])}
            />
            <Button
              size="small"
              type="link"
              icon={<UploadOutlined />}
              loading={busy}
              onClick={() => input.current?.click()}
            >
              {acceptance ? t('delivery.uploadAcceptance') : t('delivery.uploadPhoto')}
            </Button>
          </>
        )}
      </Flex>
      <FileThumbnails files={m.files} audience="console" testId="delivery" />
      {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
    </Flex>
  );
}
