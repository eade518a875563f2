import { useState } from 'react';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitmentStatus } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { DisputedCommitmentsDocument } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { RegionSelect } from '../../../components/RegionSelect';
import { CommitmentItem } from '../notes/NoteItems';
import { ResolveDisputeModal, type DisputedCommitment } from './ResolveDisputeModal';

type Row = DisputedCommitment;
const PAGE_SIZE = 20;
const STATUSES = Object.values(CommitmentStatus);

/**
 * 承诺争议: commitments in notes by the head's people, disputed by default (open ones on request),
 * each settled with a resolution the distributor reads.
 */
export default function DisputesPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const picked = (params.get('status') ?? '')
    .split(',')
    .filter((s): s is CommitmentStatus => STATUSES.includes(s as CommitmentStatus));
  const statuses = picked.length ? picked : [CommitmentStatus.DISPUTED];
  const filter = { statuses, regionId: params.get('region') ?? undefined };
  const filterKey = JSON.stringify(filter);
  const pages = useKeysetPages(filterKey);
  const [resolving, setResolving] = useState<Row | null>(null);
  const { data, previousData, loading, error, refetch } = useQuery(DisputedCommitmentsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.disputedCommitments;

  return (
    <Card>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          mode="multiple"
          value={statuses}
          onChange={(v: string[]) => setFilter('status', v.join(',') || undefined)}
          style={{ width: 280 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`commitmentStatus.${s}`) }))}
          data-testid="disputes-status"
        />
        <RegionSelect
          value={filter.regionId}
          onChange={(v) => setFilter('region', v)}
          placeholder={t('visit.team.allRegions')}
          style={{ width: 160 }}
          data-testid="disputes-region"
        />
      </Flex>
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="disputes-total"
        data-testid="disputes"
        scroll={{ x: 960 }}
        onRow={(c) => ({ 'data-id': c.id, 'data-status': c.status }) as object}
        empty={<EmptyState title={t('visit.disputes.none')} />}
        columns={[
          { title: t('note.commitments'), key: 'c', render: (_, c) => <CommitmentItem c={c} /> },
          {
            title: t('visit.disputes.note'),
            key: 'note',
            width: 260,
            render: (_, c) =>
              c.note ? (
                <Flex vertical>
                  <Link to={`/visits/notes/${c.note.id}`}>{c.note.hospital?.name ?? t('visit.hiddenHospital')}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[c.note.visitedOn, c.note.author?.displayName, c.note.distributor?.name]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: '',
            key: 'act',
            width: 110,
            render: (_, c) =>
              c.status === CommitmentStatus.DISPUTED ? (
                <Button size="small" type="primary" onClick={() => setResolving(c)} data-testid="dispute-resolve">
                  {t('visit.disputes.resolve')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ResolveDisputeModal commitment={resolving} onClose={() => setResolving(null)} />
    </Card>
  );
}
