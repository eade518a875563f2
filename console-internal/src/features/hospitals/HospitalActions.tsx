import { useState } from 'react';
import { Button, Dropdown, Space, Tooltip } from 'antd';
import { DownOutlined, EditOutlined, FormOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import type { HospitalQuery } from '../../gql/graphql';
import { HospitalFormModal } from './HospitalFormModal';

/**
 * Where work starts from the hospital: edit it, plan a co-visit with one of the distributors
 * authorized here (no other is offered), or write a visit note at it.
 */
export function HospitalActions({ hospital: h }: { hospital: HospitalQuery['hospital'] }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const serving = h.servingDistributors;
  const plan = (distributorId: string) =>
    void navigate(`/visits/plan?${new URLSearchParams({ hospital: h.id, distributor: distributorId })}`);

  return (
    <Space wrap>
      {can(user.role, 'coVisit.plan') &&
        (serving.length === 0 ? (
          <Tooltip title={t('hospital.noServingToPlan')}>
            <Button icon={<TeamOutlined />} disabled>
              {t('hospital.planCoVisit')}
            </Button>
          </Tooltip>
        ) : (
          <Dropdown
            trigger={['click']}
            menu={{
              items: serving.map((d) => ({ key: d.id, label: t('hospital.planWith', { name: d.name }) })),
              onClick: ({ key }) => plan(key),
            }}
          >
            <Button type="primary" icon={<TeamOutlined />}>
              {t('hospital.planCoVisit')} <DownOutlined />
            </Button>
          </Dropdown>
        ))}
      {can(user.role, 'visit.writeNote') && (
        <Button
          icon={<FormOutlined />}
          onClick={() => void navigate(`/visits/notes/write?${new URLSearchParams({ hospital: h.id })}`)}
        >
          {t('hospital.writeVisitNote')}
        </Button>
      )}
      {can(user.role, 'hospital.edit') && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('hospital.edit')}
        </Button>
      )}
      <HospitalFormModal open={editing} onClose={() => setEditing(false)} hospital={h} />
    </Space>
  );
}
