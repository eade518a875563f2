import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { EditOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './strings';
import { type DistributorDetailFragment } from '../../gql/graphql';
import { useFormat } from '@medchannel/web-shared';
import { StageTag } from '../../components/StageTag';

/** The distributor's profile: code, stage, tier, region, people and company facts; a head reassigns its channel manager. */
export function DistributorProfileCard({
  d,
  onEdit,
  onAssign,
}: {
  d: DistributorDetailFragment;
  onEdit?: () => void;
  onAssign?: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const region = d.region ? [d.region.parent?.name, d.region.name].filter(Boolean).join(' / ') : '—';

  return (
    <Card
      title={t('distributor.profile')}
      style={{ marginBottom: 16 }}
      extra={
        onEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="profile-edit">
            {t('distributor.editProfile')}
          </Button>
        )
      }
    >
      <Descriptions column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('distributor.code')}>{d.code}</Descriptions.Item>
        <Descriptions.Item label={t('distributor.stage')}>
          <StageTag stage={d.stage} />
        </Descriptions.Item>
        <Descriptions.Item label={t('distributor.tier')}>
          {t('distributor.tierValue', { tier: d.tier })}
        </Descriptions.Item>
        <Descriptions.Item label={t('distributor.region')}>{region}</Descriptions.Item>
        <Descriptions.Item label={t('distributor.channelManager')}>
          <Space size={4} wrap>
            <span data-testid="distributor-channel-manager">
              {d.channelManager ? `${d.channelManager.displayName} (${d.channelManager.email})` : '—'}
            </span>
            {onAssign && (
              <Button size="small" type="link" icon={<UserSwitchOutlined />} onClick={onAssign}>
                {t(d.channelManager ? 'channelManager.change' : 'channelManager.assign')}
              </Button>
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('distributor.parent')}>
          {d.parent ? <Link to={`/distributors/${d.parent.id}`}>{d.parent.name}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('distributor.creditCode')}>{d.creditCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('distributor.registeredCapital')}>
          {d.registeredCapital ? format.money(d.registeredCapital) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('distributor.contact')}>
          {[d.contactName, d.contactPhone].filter(Boolean).join(' · ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('distributor.address')}>{d.address ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('distributor.createdAt')}>{format.date(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('distributor.classifications')}>
          {d.classifications.length ? (
            <Space size={4} wrap data-testid="classifications">
              {d.classifications.map((c) => (
                <Tag key={c} color="blue">
                  {t(`classification.${c}`)}
                </Tag>
              ))}
            </Space>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
