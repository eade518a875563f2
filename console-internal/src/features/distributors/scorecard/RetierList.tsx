import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import type { ConsoleRetierProposalFragment } from '../../../gql/graphql';

const RETIER_COLOR = { PROPOSED: 'orange', APPROVED: 'green', REJECTED: 'default' } as const;

/** A distributor's re-tiers, newest first: from which tier to which, the score, the status and the date it applies from. */
export function RetierList({ proposals }: { proposals: readonly ConsoleRetierProposalFragment[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!proposals.length) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('scorecard.proposals')}
      </Typography.Title>
      <Table<ConsoleRetierProposalFragment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...proposals]}
        columns={[
          {
            title: t('scorecard.quarter'),
            render: (_, p) => `${p.year} ${t('scorecard.quarterValue', { quarter: p.quarter })}`,
          },
          { title: t('scorecard.score'), dataIndex: 'score' },
          { title: t('scorecard.tier'), render: (_, p) => t('scorecard.fromTo', { from: p.fromTier, to: p.toTier }) },
          {
            title: '',
            render: (_, p) => <Tag color={RETIER_COLOR[p.status]}>{t(`scorecard.status.${p.status}`)}</Tag>,
          },
          { title: t('scorecard.effectiveFrom'), render: (_, p) => format.date(p.effectiveFrom) || '—' },
        ]}
      />
    </>
  );
}
