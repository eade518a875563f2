import { useState } from 'react';
import { App, Button, Card, Space, Tag, Typography } from 'antd';
import { useKeysetPages } from '../../components/KeysetPager';
import { PagedTable } from '../../components/PagedTable';
import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { can, HospitalCoverage, HospitalGrade, HospitalSort } from '@medchannel/shared-schema';
import { HospitalsDocument, type HospitalsQuery } from '../../gql/graphql';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { downloadFile } from '@medchannel/web-shared/kernel';
import { EmptyState } from '@medchannel/web-shared/states';
import { HospitalFormModal } from './HospitalFormModal';
import { HospitalFilters } from './HospitalFilters';
import './strings';
import { useServerSort } from '../../components/useServerSort';

type Row = HospitalsQuery['hospitals']['nodes'][number];
const PAGE_SIZE = 20;
/** By name (A–Z), or the largest (most beds) first, on the server over every page. */
const SORTS = { name: { ascend: HospitalSort.NAME }, beds: { descend: HospitalSort.BEDS_MOST } };
/** Who moves hospitals in and out by spreadsheet (the API's importers). */

/** Target hospitals, hospital first (docs/domain.md, "Recruiting"): server-paged by keyset cursor, filters in the URL. */
export default function HospitalsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const { params, setFilter } = useUrlFilters();
  const search = params.get('q') ?? '';
  const regionId = params.get('region') ?? undefined;
  const grade = (params.get('grade') as HospitalGrade | null) ?? undefined;
  // 目标医院 / 在采医院: where the dashboard's coverage figures drill down to
  const coverage = Object.values(HospitalCoverage).find((c) => c === params.get('coverage'));
  const filterKey = [search, regionId ?? '', grade ?? '', coverage ?? ''].join('|');
  const sorting = useServerSort(SORTS, { column: 'name', order: 'ascend' });
  const pages = useKeysetPages(`${filterKey}|${sorting.sort ?? ''}`);

  const { data, previousData, loading, error, refetch } = useQuery(HospitalsDocument, {
    variables: {
      first: PAGE_SIZE,
      after: pages.after,
      filter: { search: search || undefined, regionId, grade, coverage, sort: sorting.sort },
    },
  });
  const page = (data ?? previousData)?.hospitals;

  // The export carries the list's current filters, so the workbook holds what the table shows.
  const exportList = async () => {
    const q = new URLSearchParams({ search, regionId: regionId ?? '', grade: grade ?? '', coverage: coverage ?? '' });
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
          <Space wrap>
            {can(user.role, 'hospital.edit') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('hospital.create')}
              </Button>
            )}
            {can(user.role, 'import.hospitals') && (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void exportList()}
                data-testid="hospital-export"
              >
                {t('import.export')}
              </Button>
            )}
            {can(user.role, 'import.hospitals') && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate('/import?kind=hospitals')}>
                {t('nav.import')}
              </Button>
            )}
          </Space>
        }
      />
      <HospitalFormModal open={creating} onClose={() => setCreating(false)} />
      <Card>
        <HospitalFilters regionId={regionId} grade={grade} coverage={coverage} setFilter={setFilter} />
        <PagedTable<Row>
          list={{ page, loading, error, refetch }}
          pages={pages}
          totalTestId="hospital-total"
          scroll={{ x: 900 }}
          onChange={sorting.onChange}
          empty={
            <EmptyState
              title={
                search || regionId || grade || coverage ? t('hospital.noMatch') : t('features.hospitals.emptyTitle')
              }
            />
          }
          columns={[
            {
              title: t('hospital.name'),
              key: 'name',
              ...sorting.column('name'),
              render: (_, h) => <Link to={`/hospitals/${h.id}`}>{h.name}</Link>,
            },
            {
              title: t('hospital.grade'),
              key: 'grade',
              width: 100,
              render: (_, h) => <Tag color={h.grade === 'GRADE_3A' ? 'red' : 'default'}>{t(`grade.${h.grade}`)}</Tag>,
            },
            {
              title: t('hospital.beds'),
              key: 'beds',
              width: 110,
              ...sorting.column('beds'),
              render: (_, h) => (h.beds ? format.number(h.beds) : '—'),
            },
            {
              title: t('hospital.region'),
              key: 'region',
              width: 180,
              render: (_, h) => [h.region.parent?.name, h.region.name].filter(Boolean).join(' / '),
            },
            {
              title: t('hospital.serving'),
              key: 'serving',
              render: (_, h) =>
                h.servingDistributors.map((d) => d.name).join('、') || (
                  <Typography.Text type="secondary">{t('hospital.noServing')}</Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
