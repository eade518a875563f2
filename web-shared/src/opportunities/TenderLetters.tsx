import { useState } from 'react';
import { Button, Flex, List, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { downloadFile, type Audience } from '../kernel/files';
import type { TenderDetailFragment } from '../gql/opportunities/graphql';
import { addOpportunityStrings } from './strings';

addOpportunityStrings();

type Letter = TenderDetailFragment['letters'][number];

const STATUS_COLOR: Record<string, string> = { ACTIVE: 'green', SCHEDULED: 'blue', EXPIRED: 'default', REVOKED: 'red' };

/** One letter's PDF (授权书, with its verification code and QR); says so when the download fails. */
function LetterDownload({ id, audience }: { id: string; audience: Audience }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const download = async () => {
    setState('busy');
    const ok = await downloadFile(`/files/tender-letters/${id}/letter.pdf`, audience, t('tender.letter.file'));
    setState(ok ? 'idle' : 'failed');
  };
  return (
    <Flex vertical align="flex-start">
      <Button size="small" icon={<FilePdfOutlined />} loading={state === 'busy'} onClick={() => void download()}>
        {t('tender.letter.download')}
      </Button>
      {state === 'failed' && <Typography.Text type="danger">{t('tender.letter.failed')}</Typography.Text>}
    </Flex>
  );
}

/** A tender's authorization letters (授权书): project, products, period, status today, and the PDF. */
export function TenderLetters({ letters, audience }: { letters: Letter[]; audience: Audience }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <List
      size="small"
      data-testid="tender-letters"
      header={<Typography.Text type="secondary">{t('tender.letter.title')}</Typography.Text>}
      locale={{ emptyText: t('tender.letter.none') }}
      dataSource={letters}
      renderItem={(l) => (
        <List.Item key={l.id}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Typography.Text strong>{l.project}</Typography.Text>
              <Tag color={STATUS_COLOR[l.status]}>{t(`tender.letter.status.${l.status}`)}</Tag>
            </Flex>
            <Typography.Text>
              {t('tender.letter.products', { names: l.products.map((p) => p.name).join('、') })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {t('tender.letter.validity', { from: format.date(l.validFrom), to: format.date(l.validTo) })}
            </Typography.Text>
            <LetterDownload id={l.id} audience={audience} />
          </Flex>
        </List.Item>
      )}
    />
  );
}
