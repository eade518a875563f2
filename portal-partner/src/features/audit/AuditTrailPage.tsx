import { Card, Select, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { PARTNER_AUDITED_RECORDS } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { AuditChanges, addAuditStrings } from '@medchannel/web-shared/audit';
import { PageHeader, useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { CompanyAuditTrailDocument, type AuditEntryRowFragment } from '../../gql/graphql';

addAuditStrings();

type Entry = AuditEntryRowFragment;

/**
 * 变更记录 (the owner's): what changed on the company's records, by whom and from which side, newest
 * first; one kind of record (people, orders, …) when he picks it (`?kind=`).
 */
export default function AuditTrailPage() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const kind = PARTNER_AUDITED_RECORDS.find((k) => k === params.get('kind')) ?? '';
  const query = useQuery(CompanyAuditTrailDocument, {
    variables: { filter: kind ? { entity: kind } : null },
    fetchPolicy: 'cache-and-network',
  });
  const pager = useLoadMore(query, 'auditLog');
  return (
    <>
      <PageHeader title={t('audit.title')} subtitle={t('audit.subtitleOwner')} />
      <Select
        value={kind}
        onChange={(v) => setFilter('kind', v || undefined)}
        options={[
          { value: '', label: t('audit.allRecords') },
          ...PARTNER_AUDITED_RECORDS.map((k) => ({ value: k, label: t(`audit.record_kind.${k}`) })),
        ]}
        aria-label={t('audit.record')}
        // eleven kinds: all rendered, so reopening after a pick scrolls instead of dropping the first ones
        virtual={false}
        style={{ width: '100%', marginBottom: 12 }}
        data-testid="audit-kind-filter"
      />
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="audit-trail"
          footerTestId="audit-trail"
          row={(entry) => <EntryRow key={entry.id} entry={entry} />}
          empty={<EmptyState title={t(kind ? 'audit.noMatch' : 'audit.empty')} />}
        />
      </Card>
    </>
  );
}

function EntryRow({ entry: e }: { entry: Entry }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="pp-item" data-testid="audit-row" data-action={e.action} data-entity={e.entity}>
      <div className="pp-row pp-row-head">
        <Typography.Text strong>{t(`audit.action.${e.action}`, { defaultValue: e.action })}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {format.dateTime(e.createdAt)}
        </Typography.Text>
      </div>
      <div className="pp-item-line">
        <Tag color={e.side === 'BRAND' ? 'blue' : 'green'}>{t(`audit.side${e.side}`)}</Tag>
        {e.actor?.displayName ?? t('audit.someone')} · {t(`audit.record_kind.${e.entity}`, { defaultValue: e.entity })}
        {e.distributor ? ` · ${e.distributor.name}` : ''}
      </div>
      <div className="pp-item-line">
        <AuditChanges changes={e.changes} />
      </div>
    </div>
  );
}
