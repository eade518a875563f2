import { Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { AuthorizationKindTag, AuthorizationStatusTag } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import type { HospitalQuery } from '../../gql/graphql';

type Grant = HospitalQuery['hospital']['authorizations'][number];

/** The grants covering this hospital that have not ended: who may sell what here, until when. */
export function HospitalAuthorizationsCard({ grants }: { grants: Grant[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card title={t('hospital.authorizations')} style={{ marginBottom: 16 }}>
      {grants.length === 0 ? (
        <EmptyState title={t('hospital.noAuthorizations')} />
      ) : (
        <Table<Grant>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={grants}
          tableLayout="auto"
          data-testid="hospital-authorizations"
          columns={[
            {
              title: t('compliance.distributor'),
              key: 'distributor',
              render: (_, g) =>
                g.distributor && <Link to={`/distributors/${g.distributor.id}`}>{g.distributor.name}</Link>,
            },
            {
              title: t('grant.kind'),
              key: 'kind',
              render: (_, g) => <AuthorizationKindTag kind={g.kind} exclusive={g.exclusive} />,
            },
            {
              title: t('grant.what'),
              key: 'what',
              render: (_, g) => [...g.productLines, ...g.products].map((x) => x.name).join('、'),
            },
            {
              title: t('hospital.validity'),
              key: 'validity',
              render: (_, g) => `${format.date(g.validFrom)} – ${format.date(g.validTo)}`,
            },
            {
              title: t('grant.status'),
              key: 'status',
              render: (_, g) => <AuthorizationStatusTag status={g.status} />,
            },
          ]}
        />
      )}
    </Card>
  );
}
