import './strings';
import { Button, Flex } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can } from '@medchannel/shared-schema';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyCompanyDocument } from '../../gql/graphql';
import { DocumentsCard, PackButton } from './CompanyDocuments';
import { AuthorizationsCard, CompanyWarning, ProfileCard, SecondTierCard } from './CompanySections';
import { PeopleCard } from './PeopleCard';

/** 我的公司: the distributor's profile, documents, what it may sell where, and its second tier (owner). */
export default function CompanyPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(MyCompanyDocument, { fetchPolicy: 'cache-and-network' });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const me = data?.me;
  const d = me?.distributor;
  if (!me || !d) return <EmptyState title={t('company.none')} />;
  const owner = can(me.role, 'company.manage');

  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={t('company.title')}
        subtitle={d.name}
        extra={<PackButton distributorId={d.id} code={d.code} />}
      />
      <CompanyWarning distributor={d} owner={owner} />
      <ProfileCard distributor={d} />
      <DocumentsCard qualifications={d.qualifications} canUpload={owner} onUploaded={() => void refetch()} />
      <AuthorizationsCard authorizations={d.authorizations} />

      {owner && <PeopleCard distributorId={d.id} />}

      {owner && <SecondTierCard secondTier={d.secondTier} />}

      {can(me.role, 'portal.audit') && (
        <Link to="/audit" data-testid="company-audit-trail">
          <Button block icon={<HistoryOutlined />}>
            {t('company.auditTrail')}
          </Button>
        </Link>
      )}
    </Flex>
  );
}
