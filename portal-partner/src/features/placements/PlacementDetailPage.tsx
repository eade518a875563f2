import './strings';
import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Tag } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import {
  CommitmentMonths,
  PLACEMENT_ACTIONS,
  PlacementActionModal,
  PlacementDetailDocument,
  PlacementHistory,
  addPlacementStrings,
  type PlacementAction,
  type PlacementDetailQuery,
} from '@medchannel/web-shared/placements';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { HospitalDepartmentFields } from '../../components/hospitals/HospitalDepartmentFields';

const RELOAD = ['PlacementDetail', 'MyPlacements'];

/**
 * One placed instrument on a phone: the instrument, where it stands, the agreement, each month's
 * reagents sold out against the commitment (short months marked) and its history; one who manages
 * placements moves it (移机), replaces it (换机) or takes it back (归还) while it stands placed.
 */
export default function PlacementDetailPage() {
  addPlacementStrings();
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, refetch } = useQuery(PlacementDetailDocument, { variables: { id } });
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (!data) return <LoadingState />;
  const p = data.placement;
  return (
    <Flex vertical gap={12}>
      <PageHeader
        title={<span data-testid="placement-serial">{p.serialNo}</span>}
        subtitle={p.productName}
        extra={
          <Tag color={p.status === 'PLACED' ? 'blue' : 'default'} data-testid="placement-status">
            {t(`placement.status.${p.status}`)}
          </Tag>
        }
      />
      <Facts p={p} />
      <Actions p={p} />
      <Card size="small">
        <CommitmentMonths months={p.commitment} />
      </Card>
      <Card size="small">
        <PlacementHistory events={p.history} />
      </Card>
    </Flex>
  );
}

type Detail = PlacementDetailQuery['placement'];

function Facts({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'instrument', label: t('placement.instrument'), children: p.productName },
          { key: 'serial', label: t('placement.serial'), children: p.serialNo },
          {
            key: 'place',
            label: t('placement.place'),
            children: p.hospitalName ? `${p.hospitalName} · ${p.departmentName}` : t('placement.hiddenPlace'),
          },
          { key: 'distributor', label: t('placement.distributor'), children: p.distributorName },
          {
            key: 'commitment',
            label: t('placement.commitment'),
            children: t(`placement.per${p.commitmentPeriod}`, {
              quantity: format.number(p.commitmentQuantity),
              line: p.reagentLineName,
            }),
          },
          { key: 'starts', label: t('placement.startsOn'), children: format.date(p.startsOn) },
          { key: 'ends', label: t('placement.endsOn'), children: format.date(p.endsOn) },
        ]}
      />
    </Card>
  );
}

/** 移机, 换机, 归还 for one who manages placements, while the instrument stands placed. */
function Actions({ p }: { p: Detail }) {
  const { t } = useTranslation();
  const manages = can(useCurrentUser().role, 'placement.manage');
  const [action, setAction] = useState<PlacementAction | null>(null);
  if (!manages) return null;
  if (p.status !== 'PLACED')
    return (
      <div className="pp-muted" data-testid="placement-ended">
        {t('placementDetail.ended')}
      </div>
    );
  return (
    <>
      <Flex gap={8} data-testid="placement-actions">
        {PLACEMENT_ACTIONS.map((a) => (
          <Button key={a} size="large" block danger={a === 'return'} onClick={() => setAction(a)}>
            {t(`placementDetail.action.${a}`)}
          </Button>
        ))}
      </Flex>
      <PlacementActionModal
        placement={p}
        action={action}
        onClose={() => setAction(null)}
        reload={RELOAD}
        size="large"
        relocateFields={(form) => (
          <HospitalDepartmentFields
            form={form}
            labels={{ hospital: t('placementDetail.newHospital'), department: t('placementDetail.newDepartment') }}
          />
        )}
      />
    </>
  );
}
