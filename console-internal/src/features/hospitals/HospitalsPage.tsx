import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { KeysetPager, useKeysetPages } from '../../components/KeysetPager';
import { DownloadOutlined, ImportOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { HospitalGrade, Role } from '@medchannel/shared-schema';
import { HospitalRegionsDocument, HospitalsDocument, type HospitalsQuery } from '../../gql/graphql';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader, downloadFile } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState } from '@medchannel/web-shared/states';

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
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const regionId = params.get('region') ?? undefined;
  const grade = (params.get('grade') as HospitalGrade | null) ?? undefined;
  const filterKey = [search, regionId ?? '', grade ?? ''].join('|');
  const pages = useKeysetPages(filterKey);
  const [draft, setDraft] = useState(search);
  useEffect(() => setDraft(search), [search]);

  const regions = useQuery(HospitalRegionsDocument);
  const { data, previousData, loading, error, refetch } = useQuery(HospitalsDocument, {
    variables: { first: PAGE_SIZE, after: pages.after, filter: { search: search || undefined, regionId, grade } },
  });
  const page = (data ?? previousData)?.hospitals;

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const all = regions.data?.regions ?? [];
  const regionOptions = all
    .filter((r) => r.level === 'PROVINCE')
    .map((p) => ({ label: p.name, options: [p, ...all.filter((r) => r.parentId === p.id)].map((r) => ({ value: r.id, label: r.name })) }));

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
          <Input.Search
            allowClear
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onSearch={(value) => setFilter('q', value.trim() || undefined)}
            placeholder={t('hospital.searchPlaceholder')}
            style={{ maxWidth: 320 }}
            data-testid="hospital-search"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            value={regionId}
            onChange={(value) => setFilter('region', value)}
            placeholder={t('hospital.allRegions')}
            style={{ width: 180 }}
            options={regionOptions}
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
        {error && !page ? (
          <ErrorState error={error} onRetry={() => void refetch()} />
        ) : (
          <Table<Row>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={page?.nodes ?? []}
            pagination={false}
            scroll={{ x: 900 }}
            locale={{ emptyText: loading ? ' ' : <EmptyState title={search || regionId || grade ? t('hospital.noMatch') : t('features.hospitals.emptyTitle')} /> }}
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
        )}
        <KeysetPager pages={pages} page={page} loading={loading} totalTestId="hospital-total" />
      </Card>
    </>
  );
}
