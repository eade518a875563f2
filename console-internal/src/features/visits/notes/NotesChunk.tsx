import { Button, List, Space, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CommitmentStatusTag, NoteVisibilityTag } from '@medchannel/web-shared/visits';
import { VisitNotesDocument } from '../../../gql/graphql';

const PAGE_SIZE = 20;

export type NoteFilter = {
  hospitalId?: string;
  distributorId?: string;
  authorId?: string;
  from?: string;
  to?: string;
  search?: string;
};

/** One page of notes after a cursor; the last page loaded offers the next. */
export function NotesChunk({
  filter,
  after,
  last,
  onMore,
}: {
  filter: NoteFilter;
  after: string | null;
  last: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(VisitNotesDocument, {
    variables: { first: PAGE_SIZE, after, filter },
  });
  const page = data?.visitNotes;
  if (error && !page) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!page) return <LoadingState />;
  if (!after && !page.nodes.length)
    return <EmptyState title={t('note.none')} description={t('note.noneDescription')} />;
  return (
    <>
      {!after && (
        <Typography.Text type="secondary" data-testid="notes-total">
          {t('list.total', { count: page.totalCount, formatted: format.number(page.totalCount) })}
        </Typography.Text>
      )}
      <List
        dataSource={page.nodes}
        renderItem={(n) => (
          <List.Item data-testid="notes-row" data-id={n.id} data-visibility={n.visibility}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Link to={`/visits/notes/${n.id}`}>{n.hospital?.name ?? t('visit.hiddenHospital')}</Link>
                  {n.department && <Typography.Text type="secondary">{n.department.name}</Typography.Text>}
                  <NoteVisibilityTag visibility={n.visibility} />
                  {n.commitments.map((c) => (
                    <CommitmentStatusTag key={c.id} status={c.status} />
                  ))}
                </Space>
              }
              description={
                <>
                  <div>{[n.visitedOn, n.author?.displayName, n.distributor?.name].filter(Boolean).join(' · ')}</div>
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                    {n.outcome}
                  </Typography.Paragraph>
                </>
              }
            />
          </List.Item>
        )}
      />
      {last && page.pageInfo.hasNextPage && (
        <Button block loading={loading} onClick={() => onMore(page.pageInfo.endCursor!)} data-testid="notes-more">
          {t('note.loadMore')}
        </Button>
      )}
    </>
  );
}
