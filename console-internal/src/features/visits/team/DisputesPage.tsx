import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitmentStatus } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { DisputedCommitmentsDocument, ResolveCommitmentDocument, type DisputedCommitmentsQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { RegionSelect } from '../../../components/RegionSelect';
import { CommitmentItem } from '../notes/NoteItems';
import { ReasonModal } from '../covisit/ReasonModal';
import { useVisitFailure, type VisitFailure } from '../useVisitFailure';

type Row = DisputedCommitmentsQuery['disputedCommitments']['nodes'][number];
const PAGE_SIZE = 20;
const STATUSES = Object.values(CommitmentStatus);

/**
 * 承诺争议: commitments in notes by the head's people, disputed by default (open ones on request),
 * each settled with a resolution the distributor reads.
 */
export default function DisputesPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const picked = (params.get('status') ?? '').split(',').filter((s): s is CommitmentStatus => STATUSES.includes(s as CommitmentStatus));
  const statuses = picked.length ? picked : [CommitmentStatus.DISPUTED];
  const filter = { statuses, regionId: params.get('region') ?? undefined };
  const filterKey = JSON.stringify(filter);
  const pages = useKeysetPages(filterKey);
  const [resolving, setResolving] = useState<Row | null>(null);
  const [failure, setFailure] = useState<VisitFailure | null>(null);
  const explain = useVisitFailure(['DisputedCommitments']);
  const [resolve] = useMutation(ResolveCommitmentDocument, { refetchQueries: ['DisputedCommitments'] });
  const { data, previousData, loading, error, refetch } = useQuery(DisputedCommitmentsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.disputedCommitments;

  const settle = async (resolution: string) => {
    if (!resolving) return false;
    setFailure(null);
    try {
      await resolve({ variables: { id: resolving.id, expectedVersion: resolving.version, resolution } });
      return true;
    } catch (e) {
      setFailure(explain(e));
      return false;
    }
  };

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
        <RegionSelect value={filter.regionId} onChange={(v) => setFilter('region', v)} placeholder={t('visit.team.allRegions')} style={{ width: 160 }} data-testid="disputes-region" />
      </Flex>
      {failure && !resolving && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={failure.message} data-testid="dispute-error" data-reason={failure.reason ?? ''} />}
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
                    {[c.note.visitedOn, c.note.author?.displayName, c.note.distributor?.name].filter(Boolean).join(' · ')}
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
                <Button size="small" type="primary" onClick={() => (setFailure(null), setResolving(c))} data-testid="dispute-resolve">
                  {t('visit.disputes.resolve')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ReasonModal
        open={Boolean(resolving)}
        title={t('visit.disputes.resolveTitle')}
        okText={t('visit.disputes.resolveSubmit')}
        label={t('visit.disputes.resolution')}
        testId="resolution"
        run={settle}
        onClose={() => {
          setResolving(null);
          setFailure(null);
        }}
      >
        {resolving?.disputeReason && <Alert type="warning" style={{ marginBottom: 12 }} title={t('visit.disputes.reason', { reason: resolving.disputeReason })} />}
        {failure && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={failure.message} data-testid="resolution-error" data-reason={failure.reason ?? ''} />}
      </ReasonModal>
    </Card>
  );
}
