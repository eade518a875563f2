import { Flex, Select, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EnrollmentStatus } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { SearchFilter } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { CertificateDownload, EnrollmentStatusTag } from '@medchannel/web-shared/training';
import { useState } from 'react';
import { CourseEnrollmentsDocument, type CourseEnrollmentsQuery } from '../../../gql/graphql';
import { useKeysetPages } from '../../../components/KeysetPager';
import { PagedTable } from '../../../components/PagedTable';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { rowData } from '../../../components/rowData';
import { PersonCell } from '../PersonCell';

type Row = CourseEnrollmentsQuery['enrollments']['nodes'][number];
const PAGE_SIZE = 20;
/** The status filter also offers the overdue ones (past due, not completed). */
const FILTERS = [...Object.values(EnrollmentStatus), 'OVERDUE'] as const;

/** Who is on the course, soonest due first: where each stands, their best score, overdue or certified. */
export default function EnrollmentsCard({ courseId }: { courseId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [distributorId, setDistributorId] = useState<string>();
  const [status, setStatus] = useState<(typeof FILTERS)[number]>();
  const filterKey = [search, distributorId ?? '', status ?? ''].join('|');
  const pages = useKeysetPages(filterKey);
  const overdue = status === 'OVERDUE';
  const { data, previousData, loading, error, refetch } = useQuery(CourseEnrollmentsDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: {
        courseId,
        search: search || undefined,
        distributorId,
        overdue: overdue || undefined,
        statuses: status && !overdue ? [status] : undefined,
      },
    },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.enrollments;

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <SearchFilter
          value={search}
          onSearch={(v) => setSearch(v ?? '')}
          placeholder={t('enrollment.searchPlaceholder')}
          testId="enrollment-search"
          maxWidth={240}
        />
        <DistributorPicker
          value={distributorId}
          onChange={(id) => setDistributorId(id)}
          placeholder={t('training.allDistributors')}
          testId="enrollment-distributor"
        />
        <Select
          allowClear
          value={status}
          onChange={setStatus}
          placeholder={t('enrollment.allStatuses')}
          style={{ width: 140 }}
          options={FILTERS.map((s) => ({ value: s, label: t(`enrollmentStatus.${s}`) }))}
          data-testid="enrollment-status-filter"
        />
      </Flex>
      <PagedTable<Row>
        list={{ page, loading, error, refetch }}
        pages={pages}
        totalTestId="enrollment-total"
        scroll={{ x: 900 }}
        data-testid="course-enrollments"
        onRow={(e) => rowData({ 'data-person': e.user?.displayName })}
        empty={<EmptyState title={filterKey !== '||' ? t('enrollment.noMatch') : t('enrollment.none')} />}
        columns={[
          {
            title: t('enrollment.person'),
            key: 'person',
            render: (_, e) => <PersonCell user={e.user} />,
          },
          { title: t('training.distributor'), key: 'distributor', render: (_, e) => e.distributor?.name ?? '—' },
          {
            title: t('enrollment.status'),
            key: 'status',
            width: 170,
            render: (_, e) => <EnrollmentStatusTag status={e.status} overdue={e.overdue} />,
          },
          {
            title: t('enrollment.dueOn'),
            key: 'dueOn',
            width: 120,
            render: (_, e) =>
              e.dueOn ? (
                <Typography.Text type={e.overdue ? 'danger' : undefined}>{format.date(e.dueOn)}</Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('enrollment.bestScore'),
            key: 'score',
            width: 100,
            align: 'right',
            render: (_, e) => (e.bestScore == null ? '—' : `${e.bestScore}%`),
          },
          {
            title: t('enrollment.certificate'),
            key: 'certificate',
            width: 220,
            render: (_, e) =>
              e.certificate ? (
                <Flex vertical gap={4} align="start">
                  <Typography.Text type={e.certificate.valid ? 'success' : 'secondary'}>
                    {t('enrollment.certificateValue', {
                      number: e.certificate.number,
                      to: format.date(e.certificate.validTo),
                    })}
                  </Typography.Text>
                  <CertificateDownload certificate={e.certificate} audience="console" />
                </Flex>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </>
  );
}
