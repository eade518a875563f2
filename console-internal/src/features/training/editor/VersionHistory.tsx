import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { CourseVersionStatusTag } from '@medchannel/web-shared/training';
import type { CourseDetailFragment } from '../../../gql/graphql';
import { rowData } from '../../../components/rowData';

type Version = CourseDetailFragment['versions'][number];

/** Every version, newest first: the draft being written, the one people take, the retired ones (kept for whoever passed them). */
export function VersionHistory({ versions }: { versions: Version[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table<Version>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={versions}
      data-testid="course-versions"
      onRow={(v) => rowData({ 'data-version': v.version, 'data-status': v.status })}
      columns={[
        {
          title: t('version.number'),
          key: 'version',
          width: 100,
          render: (_, v) => t('version.value', { version: v.version }),
        },
        {
          title: t('version.status'),
          key: 'status',
          width: 120,
          render: (_, v) => <CourseVersionStatusTag status={v.status} />,
        },
        { title: t('course.title'), key: 'title', render: (_, v) => v.title },
        {
          title: t('version.publishedAt'),
          key: 'publishedAt',
          width: 200,
          render: (_, v) => (v.publishedAt ? format.dateTime(v.publishedAt) : '—'),
        },
      ]}
    />
  );
}
