import { Card, Select, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { useUrlFilters } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { CatalogProductLinesDocument, TeamReadinessDocument, type TeamReadinessQuery } from '../../gql/graphql';
import { CompanyTag } from '../../components/CompanyTag';

type Row = TeamReadinessQuery['trainingReadiness']['nodes'][number];

/**
 * 团队 (the owner): each person with the product lines they hold a valid certificate for and how
 * their training stands; narrowed to one product line, only those certified for it — who may order it.
 */
export default function TeamReadiness() {
  const { t } = useTranslation();
  const { params, setFilter } = useUrlFilters();
  const productLineId = params.get('line') ?? '';
  const lines = useQuery(CatalogProductLinesDocument);
  const query = useQuery(TeamReadinessDocument, {
    variables: { productLineId: productLineId || null },
    fetchPolicy: 'cache-and-network',
  });
  const pager = useLoadMore(query, 'trainingReadiness');

  return (
    <>
      <Select
        value={productLineId}
        onChange={(v) => setFilter('line', v || undefined)}
        loading={lines.loading}
        options={[
          { value: '', label: t('team.allLines') },
          ...(lines.data?.productLines ?? []).map((l) => ({ value: l.id, label: l.name })),
        ]}
        aria-label={t('team.lineFilter')}
        data-testid="readiness-line-filter"
      />
      <Card
        size="small"
        title={t('team.title')}
        data-testid="readiness"
        data-line={productLineId}
        data-ready={String(Boolean(query.data) && !query.loading)}
      >
        <PagedList
          query={query}
          pager={pager}
          testId="readiness-list"
          footerTestId="readiness"
          row={(r) => <ReadinessRow key={r.userId} row={r} />}
          empty={<EmptyState title={t('team.emptyTitle')} description={t('team.emptyDescription')} />}
        />
      </Card>
    </>
  );
}

function ReadinessRow({ row: r }: { row: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = r.user?.displayName ?? '—';
  return (
    <div className="pp-item" data-testid="readiness-row" data-user={name}>
      <div className="pp-row-head">
        <Typography.Text strong>{name}</Typography.Text>
        {r.user && <span className="pp-muted">{t(`role.${r.user.role}`, { defaultValue: r.user.role })}</span>}
      </div>
      <CompanyTag distributor={r.user?.distributor} />
      <div className="pt-lines">
        {r.certifiedLines.length === 0 ? (
          <span className="pp-muted">{t('team.notCertified')}</span>
        ) : (
          r.certifiedLines.map((l) => (
            <Tag
              key={l.productLineId}
              color="green"
              data-testid="certified-line"
              data-line={l.productLine?.name ?? l.productLineId}
            >
              {l.productLine?.name ?? '—'} {t('team.validTo', { date: format.date(l.validTo) })}
            </Tag>
          ))
        )}
      </div>
      <div className="pp-item-line">
        {t('team.counts', { assigned: r.assigned, inProgress: r.inProgress, completed: r.completed })}
        {r.overdue > 0 && <span className="pt-late"> · {t('team.overdue', { count: r.overdue })}</span>}
      </div>
    </div>
  );
}
