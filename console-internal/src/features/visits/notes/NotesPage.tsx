import { useState } from 'react';
import { Button, Card, Flex, List, Select, Space, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Side } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { CommitmentStatusTag, NoteVisibilityTag } from '@medchannel/web-shared/visits';
import { VisitNotesDocument } from '../../../gql/graphql';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { HospitalPicker } from '../pickers/HospitalPicker';
import { useVisitPeople } from '../pickers/people';
import { plansVisits } from '../roles';
import { DateRangeFilter } from '../DateRangeFilter';

const PAGE_SIZE = 20;

type NoteFilter = { hospitalId?: string; distributorId?: string; authorId?: string; from?: string; to?: string; search?: string };

/** One page of notes after a cursor; the last page loaded offers the next. */
function NotesChunk({ filter, after, last, onMore }: { filter: NoteFilter; after: string | null; last: boolean; onMore: (cursor: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(VisitNotesDocument, { variables: { first: PAGE_SIZE, after, filter } });
  const page = data?.visitNotes;
  if (error && !page) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!page) return <LoadingState />;
  if (!after && !page.nodes.length) return <EmptyState title={t('note.none')} description={t('note.noneDescription')} />;
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

/** 拜访记录: the notes the viewer may read, newest visit first, filtered in the URL, loaded a page more at a time. */
export default function NotesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, setFilter } = useUrlFilters();
  const people = useVisitPeople(undefined);
  const filter: NoteFilter = {
    hospitalId: params.get('hospital') ?? undefined,
    distributorId: params.get('distributor') ?? undefined,
    authorId: params.get('author') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    search: params.get('q') ?? undefined,
  };
  const filterKey = JSON.stringify(filter);
  const [pages, setPages] = useState<{ key: string; cursors: Array<string | null> }>({ key: filterKey, cursors: [null] });
  const cursors = pages.key === filterKey ? pages.cursors : [null];
  const authors = [...people.colleagues, ...(people.colleagues.length ? [{ id: user.id, displayName: user.displayName, role: user.role, side: Side.BRAND, regions: [] }] : [])];

  return (
    <Card>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchFilter value={filter.search ?? ''} onSearch={(v) => setFilter('q', v)} placeholder={t('note.searchPlaceholder')} testId="notes-search" maxWidth={240} />
        <HospitalPicker value={filter.hospitalId} onChange={(id) => setFilter('hospital', id)} placeholder={t('note.allHospitals')} testId="notes-hospital" style={{ width: 200 }} />
        <DistributorPicker value={filter.distributorId} onChange={(id) => setFilter('distributor', id)} placeholder={t('note.allDistributors')} testId="notes-distributor" />
        {!people.denied && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            value={filter.authorId}
            onChange={(id?: string) => setFilter('author', id)}
            placeholder={t('note.allAuthors')}
            style={{ width: 160 }}
            options={authors.map((p) => ({ value: p.id, label: p.displayName }))}
            data-testid="notes-author"
          />
        )}
        <DateRangeFilter testId="notes-dates" />
        {plansVisits(user.role) && (
          <Button type="primary" icon={<EditOutlined />} onClick={() => void navigate('/visits/notes/write')} style={{ marginInlineStart: 'auto' }} data-testid="notes-write">
            {t('note.write')}
          </Button>
        )}
      </Flex>
      <div data-testid="notes-list">
        {cursors.map((after, i) => (
          <NotesChunk
            key={`${filterKey}|${after ?? ''}`}
            filter={filter}
            after={after}
            last={i === cursors.length - 1}
            onMore={(cursor) => setPages({ key: filterKey, cursors: [...cursors, cursor] })}
          />
        ))}
      </div>
    </Card>
  );
}
