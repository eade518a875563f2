import { Card, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CommitmentStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { NoteVisibilityTag } from '@medchannel/web-shared/visits';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { PortalVisitNotesDocument, type PortalVisitNotesQuery } from '../../gql/graphql';
import { notePath } from '../../components/paths';

type Row = PortalVisitNotesQuery['visitNotes']['nodes'][number];

/** 拜访纪要: the notes I may read (CC'd to me), newest visit first, searched by outcome, next steps or a commitment. */
export default function NoteList() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const query = useQuery(PortalVisitNotesDocument, {
    variables: { search: search || null },
    fetchPolicy: 'cache-and-network',
  });
  const pager = useLoadMore(query, 'visitNotes');

  return (
    <>
      <SearchFilter
        value={search}
        onSearch={(q) => setFilter('q', q)}
        placeholder={t('visits.searchNotes')}
        testId="note-search"
        maxWidth={880}
      />
      <Card
        size="small"
        data-testid="notes"
        data-search={search}
        data-ready={String(Boolean(query.data) && !query.loading)}
      >
        <PagedList
          query={query}
          pager={pager}
          testId="note-list"
          footerTestId="notes"
          row={(n) => <NoteRow key={n.id} note={n} />}
          empty={
            search ? (
              <EmptyState title={t('visits.noMatch')} />
            ) : (
              <EmptyState title={t('visits.notesEmptyTitle')} description={t('visits.notesEmptyDescription')} />
            )
          }
        />
      </Card>
    </>
  );
}

function NoteRow({ note: n }: { note: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  const open = n.commitments.filter((c) => c.status === CommitmentStatus.OPEN).length;
  return (
    <Link to={notePath(n.id)} className="pp-item pp-row" data-testid="note-row" data-note={n.id}>
      <div className="pp-row-head">
        <Typography.Text strong style={{ minWidth: 0 }}>
          {n.hospital?.name ?? t('visits.hiddenHospital')}
        </Typography.Text>
        <NoteVisibilityTag visibility={n.visibility} />
      </div>
      <div className="pp-item-line pv-clamp">{n.outcome}</div>
      <div className="pp-item-line pp-muted">
        {format.date(n.visitedOn)} · {n.author?.displayName ?? '—'}
        {open > 0 && <span className="pv-open"> · {t('visits.openCommitments', { count: open })}</span>}
      </div>
    </Link>
  );
}
