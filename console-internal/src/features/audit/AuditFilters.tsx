import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUDITED_RECORDS } from '@medchannel/shared-schema';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { DistributorPicker } from '../../components/DistributorPicker';
import { ExportButton } from '../../components/ExportButton';
import { PersonPicker } from './PersonPicker';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit list's filters from the URL (`person`, `kind`, `record`, `distributor`, `from`, `to`), as the API's AuditFilter. */
export function useAuditFilter() {
  const { params, setFilter } = useUrlFilters();
  const record = params.get('record') ?? '';
  const filter = {
    actorId: params.get('person') || undefined,
    entity: params.get('kind') || undefined,
    // a half-typed id filters nothing rather than failing the list
    entityId: UUID.test(record) ? record : undefined,
    distributorId: params.get('distributor') || undefined,
    from: params.get('from') || undefined,
    to: params.get('to') || undefined,
  };
  return { filter, record, setFilter, key: JSON.stringify(filter), filtered: Object.values(filter).some(Boolean) };
}

/** Person, kind of record, one record, distributor and days; on the right the export, which carries the same filters. */
export function AuditFilters() {
  const { t } = useTranslation();
  const { filter, record, setFilter } = useAuditFilter();
  return (
    <Flex gap={12} wrap justify="space-between" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <PersonPicker value={filter.actorId} onChange={(id) => setFilter('person', id)} />
        <Select
          allowClear
          value={filter.entity}
          onChange={(value) => setFilter('kind', value)}
          placeholder={t('audit.allRecords')}
          style={{ width: 150 }}
          options={AUDITED_RECORDS.map((kind) => ({ value: kind, label: t(`audit.record_kind.${kind}`) }))}
          data-testid="audit-kind"
        />
        <Input
          allowClear
          defaultValue={record}
          onChange={(e) => setFilter('record', e.target.value.trim() || undefined)}
          placeholder={t('audit.recordId')}
          style={{ width: 200 }}
          data-testid="audit-record"
        />
        <DistributorPicker
          value={filter.distributorId}
          onChange={(id) => setFilter('distributor', id)}
          placeholder={t('audit.allDistributors')}
          testId="audit-distributor"
        />
        <DateRangeFilter testId="audit-dates" />
      </Flex>
      <ExportButton kind="audit" />
    </Flex>
  );
}
