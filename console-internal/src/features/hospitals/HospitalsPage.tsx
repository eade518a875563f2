import { useState } from 'react';
import { App, Button, Card, Flex, Select, Space, Tag, Typography } from 'antd';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { HospitalGrade, Role } from '@medchannel/shared-schema';
import { HospitalsDocument, type HospitalsQuery } from '../../gql/graphql';
import { RegionSelect } from '../../components/RegionSelect';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { downloadFile, PageHeader, SearchFilter, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';

type Row = HospitalsQuery['hospitals']['nodes'][number];
const PAGE_SIZE = 20;
/** Who moves hospitals in and out by spreadsheet (the API's importers). */
const IMPORTERS: string[] = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];

/** Target hospitals, hospital first (DOMAIN.md): server-paged by keyset cursor, filters in the URL. */
export default function HospitalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const navigate = useNavigate();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const regionId = params.get('region') ?? undefined;
  const grade = (params.get('grade') as HospitalGrade | null) ?? undefined;
  const filterKey = [search, regionId ?? '', grade ?? ''].join('|');
  const pages = useKeysetPages(filterKey);

  const { data, previousData, loading, error, refetch } = useQuery(HospitalsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter: { search: search || undefined, regionId, grade } },
  });
  const page = (data ?? previousData)?.hospitals;

  // The export carries the list's current filters, so the workbook holds what the table shows.
  const exportList = async () => {
    const q = new URLSearchParams({ search, regionId: regionId ?? '', grade: grade ?? '' });
    setExporting(true);
    const ok = await downloadFile(`/files/exports/hospitals.xlsx?${q}`, 'console', t('hospital.exportFile'));
    setExporting(false);
    if (!ok) void message.error(t('import.exportFailed'));
  };

  return (
    <>
      <PageHeader
        title={t('nav.hospitals')}
        subtitle={t('features.hospitals.subtitle')}
        extra={
          IMPORTERS.includes(user.role) && (
            <Space wrap>
              <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportList()} data-testid="hospital-export">
                {t('import.export')}
              </Button>
              <Button icon={<ImportOutlined />} onClick={() => void navigate('/import?kind=hospitals')}>
                {t('nav.import')}
              </Button>
            </Space>
          )
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchFilter value={search} onSearch={(value) => setFilter('q', value)} placeholder={t('hospital.searchPlaceholder')} testId="hospital-search" />
          <RegionSelect
            value={regionId}
            onChange={(value) => setFilter('region', value)}
            placeholder={t('hospital.allRegions')}
            style={{ width: 180 }}
            data-testid="hospital-region"
          />
          <Select
            allowClear
            value={grade}
            onChange={(value) => setFilter('grade', value)}
            placeholder={t('hospital.allGrades')}
            style={{ width: 140 }}
            options={Object.values(HospitalGrade).map((g) => ({ value: g, label: t(`grade.${g}`) }))}
            data-testid="hospital-grade"
          />
        </Flex>
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
          pages={pages}
          totalTestId="hospital-total"
          scroll={{ x: 900 }}
          empty={<EmptyState title={search || regionId || grade ? t('hospital.noMatch') : t('features.hospitals.emptyTitle')} />}
          columns={[
            { title: t('hospital.name'), key: 'name', render: (_, h) => <Link to={`/hospitals/${h.id}`}>{h.name}</Link> },
            { title: t('hospital.grade'), key: 'grade', width: 100, render: (_, h) => <Tag color={h.grade === 'GRADE_3A' ? 'red' : 'default'}>{t(`grade.${h.grade}`)}</Tag> },
            { title: t('hospital.beds'), key: 'beds', width: 100, render: (_, h) => (h.beds ? format.number(h.beds) : '—') },
            { title: t('hospital.region'), key: 'region', width: 180, render: (_, h) => [h.region.parent?.name, h.region.name].filter(Boolean).join(' / ') },
            {
              title: t('hospital.serving'),
              key: 'serving',
              render: (_, h) => h.servingDistributors.map((d) => d.name).join('、') || <Typography.Text type="secondary">{t('hospital.noServing')}</Typography.Text>,
            },
          ]}
        />
      </Card>
    </>
  );
}
