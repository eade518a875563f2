import { Card, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { CertificateDownload, CertificateStateTag } from '@medchannel/web-shared/training';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MyCertificatesDocument, type MyCertificatesQuery } from '../../gql/graphql';
import { coursePath } from '../../components/paths';

type Row = MyCertificatesQuery['certificates']['nodes'][number];

/** 证书: the certificates the viewer holds (an owner sees the team's here too), newest first. */
export default function CertificateList() {
  const { t } = useTranslation();
  const query = useQuery(MyCertificatesDocument, { fetchPolicy: 'cache-and-network' });
  const pager = useLoadMore(query, 'certificates');
  return (
    <Card size="small">
      <PagedList
        query={query}
        pager={pager}
        testId="certificate-list"
        footerTestId="certificates"
        row={(c) => <CertificateRow key={c.id} certificate={c} />}
        empty={<EmptyState title={t('certificate.emptyTitle')} description={t('certificate.emptyDescription')} />}
      />
    </Card>
  );
}

function CertificateRow({ certificate: c }: { certificate: Row }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="pp-item" data-testid="certificate-row" data-number={c.number} data-valid={String(c.valid)}>
      <div className="pp-row-head">
        <span className="pp-number">{c.number}</span>
        <CertificateStateTag valid={c.valid} />
      </div>
      {c.course && (
        <div className="pp-item-line">
          <span className="pp-item-label">{t('certificate.course')}</span>
          <Link to={coursePath(c.course.id)}>{c.course.title}</Link>
        </div>
      )}
      <div className="pp-item-line">
        <span className="pp-item-label">{t('certificate.lines')}</span>
        <Typography.Text data-testid="certificate-lines">
          {c.productLines.map((l) => l.name).join('、')}
        </Typography.Text>
      </div>
      <div className="pp-item-line">
        <span className="pp-item-label">{t('certificate.validTo')}</span>
        <span data-testid="certificate-valid-to" className={c.valid ? undefined : 'pt-late'}>
          {format.date(c.validTo)}
        </span>
        <span className="pp-muted">
          {' '}
          · {t('certificate.issuedOn')} {format.date(c.issuedOn)}
        </span>
      </div>
      <div className="pp-item-line">
        <CertificateDownload certificate={c} audience="portal" />
      </div>
    </div>
  );
}
