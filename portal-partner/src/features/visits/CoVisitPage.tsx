import './strings';
import { Card, Flex } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { BackLink, DetailPending } from '../../components/DetailPending';
import { useNoticesReadOnOpen } from '@medchannel/web-shared/notices';
import { PageHeader } from '@medchannel/web-shared/components';
import { CoVisitStatusTag } from '@medchannel/web-shared/visits';
import { PortalCoVisitDetailDocument, type PortalCoVisitDetailQuery } from '../../gql/graphql';
import { CoVisitActions } from './CoVisitActions';
import { notePath } from '../../components/paths';
import { CoVisitFacts } from './CoVisitFacts';
import { CoVisitSlots } from './CoVisitSlots';
import './visits.css';

export type CoVisitDetail = PortalCoVisitDetailQuery['coVisit'];

/**
 * 协同拜访: where and when, who goes, every time offered by either side; on my turn I take one of
 * the brand's times, offer another or decline; once confirmed I check in at the hospital, and
 * after a check-in the visit can be marked done. The notes written about it that I may read.
 */
export default function CoVisitPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  // opened from anywhere (not only the inbox): the viewer's notices about it are read
  useNoticesReadOnOpen('co_visit', id);
  const query = useQuery(PortalCoVisitDetailDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const back = (
    <BackLink to="/visits" testId="co-visit-back">
      {t('visits.back')}
    </BackLink>
  );
  if (!query.data) return <DetailPending query={query} back={back} />;
  const visit = query.data.coVisit;

  return (
    <Flex
      vertical
      gap={12}
      className="pv-page"
      data-testid="co-visit"
      data-status={visit.status}
      data-version={visit.version}
      data-ready={String(!query.loading)}
    >
      {back}
      <PageHeader
        title={<span data-testid="co-visit-goal">{visit.goal}</span>}
        subtitle={
          <Flex gap={6} wrap align="center">
            <CoVisitStatusTag status={visit.status} />
            <span className="pp-muted">
              {visit.hospital?.name ?? t('visits.hiddenHospital')}
              {visit.department ? ` · ${visit.department.name}` : ''}
            </span>
          </Flex>
        }
      />
      <CoVisitActions visit={visit} />
      <CoVisitFacts visit={visit} />
      <CoVisitSlots visit={visit} />
      {visit.notes.length > 0 && (
        <Card size="small" title={t('visits.notesOfVisit')} data-testid="co-visit-notes">
          <div className="pp-list">
            {visit.notes.map((n) => (
              <Link key={n.id} to={notePath(n.id)} className="pp-item pp-row" data-testid="co-visit-note">
                <div className="pp-muted">{n.visitedOn}</div>
                <div className="pp-item-line pv-clamp">{n.outcome}</div>
              </Link>
            ))}
          </div>
        </Card>
      )}
    </Flex>
  );
}
