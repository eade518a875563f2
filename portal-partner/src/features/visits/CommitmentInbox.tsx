import { Card, Segmented } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitmentStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { CommitmentInboxDocument, type CommitmentInboxQuery } from '../../gql/graphql';
import { CommitmentItem } from './CommitmentItem';
import { notePath } from '../../components/paths';

type Row = CommitmentInboxQuery['commitmentInbox']['nodes'][number];

const STATUSES = [CommitmentStatus.OPEN, CommitmentStatus.ACKNOWLEDGED, CommitmentStatus.DISPUTED] as const;
type Status = (typeof STATUSES)[number];

/** 承诺: what the brand promised the company in visits, newest first; the owner acknowledges or disputes the open ones. */
export default function CommitmentInbox() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const status: Status = STATUSES.find((s) => s === params.get('status')) ?? CommitmentStatus.OPEN;
  // A disputed one that the head has resolved is shown with the disputed ones: the owner raised it.
  const statuses =
    status === CommitmentStatus.DISPUTED ? [CommitmentStatus.DISPUTED, CommitmentStatus.RESOLVED] : [status];
  const query = useQuery(CommitmentInboxDocument, { variables: { statuses }, fetchPolicy: 'cache-and-network' });
  const pager = useLoadMore(query, 'commitmentInbox');

  return (
    <>
      <Segmented<Status>
        block
        value={status}
        onChange={(value) => setFilter('status', value === CommitmentStatus.OPEN ? undefined : value)}
        options={STATUSES.map((value) => ({
          value,
          label: <span data-testid={`commitment-filter-${value}`}>{t(`visits.inbox.${value}`)}</span>,
        }))}
        data-testid="commitment-filter"
      />
      <Card
        size="small"
        data-testid="commitments"
        data-status={status}
        data-ready={String(Boolean(query.data) && !query.loading)}
      >
        <PagedList
          query={query}
          pager={pager}
          testId="commitment-list"
          footerTestId="commitments"
          row={(c) => <CommitmentItem key={c.id} commitment={c} extra={<NoteLink commitment={c} />} />}
          empty={
            <EmptyState
              title={t(`visits.inboxEmpty.${status}`)}
              description={status === CommitmentStatus.OPEN ? t('visits.inboxEmptyDescription') : undefined}
            />
          }
        />
      </Card>
    </>
  );
}

function NoteLink({ commitment: c }: { commitment: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!c.note) return null;
  return (
    <div className="pp-item-line">
      <Link to={notePath(c.note.id)} data-testid="commitment-note">
        {t('visits.fromNote', {
          hospital: c.note.hospital?.name ?? '—',
          date: format.date(c.note.visitedOn),
          author: c.note.author?.displayName ?? '—',
        })}
      </Link>
    </div>
  );
}
