import { Button, Card, Flex, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, CourseKind, CourseListStatus } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { CourseKindTag } from '@medchannel/web-shared/training';
import { CoursesDocument, type CoursesQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { ProductLineSelect } from '../ProductLineSelect';
import { CourseStateTags } from './CourseStateTags';

type Row = CoursesQuery['courses']['nodes'][number];
const PAGE_SIZE = 20;

/** Courses by title: search, kind, product line and state in the URL; trainers start a new one here. */
export default function CoursesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const kind = (params.get('kind') as CourseKind | null) ?? undefined;
  const productLineId = params.get('line') ?? undefined;
  const state = Object.values(CourseListStatus).find((s) => s === params.get('state'));
  const filterKey = [search, kind ?? '', productLineId ?? '', state ?? ''].join('|');
  const filtered = filterKey !== '|||';
  const pages = useKeysetPages(filterKey);

  const { data, previousData, loading, error, refetch } = useQuery(CoursesDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { search: search || undefined, kind, productLineId, status: state },
    },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.courses;

  return (
    <Card>
      <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap>
          <SearchFilter
            value={search}
            onSearch={(value) => setFilter('q', value)}
            placeholder={t('course.searchPlaceholder')}
            testId="course-search"
            maxWidth={280}
          />
          <Select
            allowClear
            value={kind}
            onChange={(value) => setFilter('kind', value)}
            placeholder={t('course.allKinds')}
            style={{ width: 140 }}
            options={Object.values(CourseKind).map((k) => ({ value: k, label: t(`courseKind.${k}`) }))}
            data-testid="course-kind-filter"
          />
          <ProductLineSelect<string>
            value={productLineId}
            onChange={(value) => setFilter('line', value)}
            placeholder={t('course.allLines')}
            style={{ width: 180 }}
            data-testid="course-line-filter"
          />
          <Select
            allowClear
            value={state}
            onChange={(value) => setFilter('state', value)}
            placeholder={t('course.allStates')}
            style={{ width: 140 }}
            options={Object.values(CourseListStatus).map((s) => ({ value: s, label: t(`course.state.${s}`) }))}
            data-testid="course-state-filter"
          />
        </Flex>
        {can(user.role, 'training.edit') && (
          <Link to="/training/courses/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="course-new">
              {t('course.new')}
            </Button>
          </Link>
        )}
      </Flex>
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="course-total"
        scroll={{ x: 900 }}
        data-testid="course-list"
        empty={
          <EmptyState
            title={filtered ? t('course.noMatch') : t('course.none')}
            description={filtered ? undefined : t('course.noneDescription')}
          />
        }
        columns={[
          {
            title: t('course.title'),
            key: 'title',
            render: (_, c) => (
              <Link to={`/training/courses/${c.id}`} data-testid="course-link">
                {c.title}
              </Link>
            ),
          },
          { title: t('course.kind'), key: 'kind', width: 110, render: (_, c) => <CourseKindTag kind={c.kind} /> },
          {
            title: t('course.productLines'),
            key: 'lines',
            width: 200,
            render: (_, c) =>
              c.productLines.length ? (
                c.productLines.map((l) => l.name).join('、')
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: t('course.stateLabel'),
            key: 'state',
            width: 200,
            render: (_, c) => (
              <Space size={4} wrap>
                <CourseStateTags course={c} />
              </Space>
            ),
          },
          {
            title: t('course.updatedAt'),
            key: 'updatedAt',
            width: 170,
            render: (_, c) => format.dateTime(c.updatedAt),
          },
        ]}
      />
    </Card>
  );
}
