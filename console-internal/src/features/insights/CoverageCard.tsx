import { useMemo, useState } from 'react';
import { Card, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { HospitalCoverage } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import type { BrandDashboardQuery } from '../../gql/graphql';
import { Chart } from './Chart';

type Region = BrandDashboardQuery['brandDashboard']['coverage'][number];

/** The hospitals list a coverage figure counts (docs/domain.md, "Dashboards"). */
const coverageList = (regionId: string, coverage: HospitalCoverage) =>
  `/hospitals?region=${regionId}&coverage=${coverage}`;

/** Penetration: buying ÷ target, in whole percent (a ratio of counts, not money). */
const penetration = (r: Region) => (r.target ? Math.round((r.buying / r.target) * 100) : 0);

/** 覆盖与渗透: target and buying hospitals by province, or by city within one; every figure opens its hospitals. */
export function CoverageCard({ regions }: { regions: Region[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [province, setProvince] = useState<string | undefined>();
  const shown = useMemo(
    () => regions.filter((r) => (province ? r.parentId === province : r.parentId === null)),
    [regions, province],
  );
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('insights.target'), t('insights.buying')] },
      grid: { left: 48, right: 16, bottom: 32, top: 40 },
      xAxis: { type: 'category', data: shown.map((r) => r.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('insights.target'), type: 'bar', data: shown.map((r) => r.target), itemStyle: { color: '#90caf9' } },
        { name: t('insights.buying'), type: 'bar', data: shown.map((r) => r.buying), itemStyle: { color: '#1565c0' } },
      ],
    }),
    [shown, t],
  );
  const provinces = regions.filter((r) => r.parentId === null);

  return (
    <Card
      title={t('insights.coverage')}
      data-testid="insights-coverage"
      extra={
        <Select
          allowClear
          value={province}
          onChange={setProvince}
          placeholder={t('insights.allProvinces')}
          style={{ width: 160 }}
          options={provinces.map((p) => ({ value: p.regionId, label: p.name }))}
          data-testid="insights-province"
        />
      }
    >
      {shown.length === 0 ? (
        <EmptyState title={t('insights.noCoverage')} />
      ) : (
        <>
          <Chart
            option={option}
            height={280}
            label={t('insights.coverage')}
            testId="coverage-chart"
            onPick={({ seriesIndex, dataIndex }) =>
              void navigate(
                coverageList(
                  shown[dataIndex].regionId,
                  seriesIndex === 0 ? HospitalCoverage.TARGET : HospitalCoverage.BUYING,
                ),
              )
            }
          />
          <Table<Region>
            size="small"
            rowKey="regionId"
            pagination={false}
            dataSource={shown}
            columns={[
              { title: t('insights.region'), dataIndex: 'name' },
              {
                title: t('insights.target'),
                align: 'right',
                render: (_, r) => (
                  <Link to={coverageList(r.regionId, HospitalCoverage.TARGET)} data-testid={`target-${r.name}`}>
                    {format.number(r.target)}
                  </Link>
                ),
              },
              {
                title: t('insights.buying'),
                align: 'right',
                render: (_, r) => (
                  <Link to={coverageList(r.regionId, HospitalCoverage.BUYING)} data-testid={`buying-${r.name}`}>
                    {format.number(r.buying)}
                  </Link>
                ),
              },
              { title: t('insights.penetration'), align: 'right', render: (_, r) => `${penetration(r)}%` },
            ]}
          />
        </>
      )}
    </Card>
  );
}
