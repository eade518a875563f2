import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { AuthorizationKindTag, AuthorizationStatusTag, URGENT_EXPIRY } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import type { MyCompanyQuery } from '../../gql/graphql';
import { Link } from 'react-router';

export type MyDistributor = NonNullable<NonNullable<MyCompanyQuery['me']>['distributor']>;

const names = (items: Array<{ name: string }>) => items.map((i) => i.name).join('、');

/** Documents expired or about to: the owner is asked to renew them, a rep to tell the owner. */
export function CompanyWarning({ distributor: d, owner }: { distributor: MyDistributor; owner: boolean }) {
  const { t } = useTranslation();
  const urgent = d.qualifications.filter((q) => URGENT_EXPIRY.has(q.expiry.level));
  if (urgent.length === 0) return null;
  return (
    <Alert
      type={urgent.some((q) => q.expiry.level === 'EXPIRED') ? 'error' : 'warning'}
      showIcon
      data-testid="company-warning"
      title={t('company.warningTitle')}
      description={t(owner ? 'company.warningOwner' : 'company.warningRep')}
    />
  );
}

export function ProfileCard({ distributor: d }: { distributor: MyDistributor }) {
  const { t } = useTranslation();
  const format = useFormat();
  const region = d.region ? [d.region.parent?.name, d.region.name].filter(Boolean).join(' / ') : '—';
  return (
    <Card size="small" title={t('company.profile')}>
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        // On a phone every line counts: fields the brand has not filled in yet are left out.
        items={[
          { key: 'code', label: t('company.code'), children: d.code },
          { key: 'region', label: t('company.region'), children: region },
          { key: 'tier', label: t('company.tier'), children: t('company.tierValue', { tier: d.tier }) },
          { key: 'credit', label: t('company.creditCode'), children: d.creditCode },
          {
            key: 'capital',
            label: t('company.registeredCapital'),
            children: d.registeredCapital ? format.money(d.registeredCapital) : null,
          },
          {
            key: 'contact',
            label: t('company.contact'),
            children: [d.contactName, d.contactPhone].filter(Boolean).join(' · ') || null,
          },
          { key: 'address', label: t('company.address'), children: d.address },
        ].filter((item) => item.children)}
      />
    </Card>
  );
}

/** What the company may sell where, and until when. */
export function AuthorizationsCard({ authorizations }: { authorizations: MyDistributor['authorizations'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card size="small" title={t('company.authorizations')} data-testid="my-authorizations">
      {authorizations.length === 0 ? (
        <EmptyState title={t('company.noAuthorizations')} description={t('company.noAuthorizationsDescription')} />
      ) : (
        <div className="pp-list">
          {authorizations.map((a) => (
            <div key={a.id} className="pp-item" data-testid="authorization">
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Typography.Text strong>{names([...a.productLines, ...a.products])}</Typography.Text>
                <AuthorizationStatusTag status={a.status} />
              </Flex>
              <div className="pp-item-line">
                <span className="pp-item-label">{t('company.where')}</span>
                {names([...a.regions, ...a.hospitals])}
              </div>
              <div className="pp-item-line">
                <span className="pp-item-label">{t('company.until')}</span>
                {format.date(a.validFrom)} – {format.date(a.revokedFrom ?? a.validTo)}
              </div>
              <div style={{ marginTop: 6 }}>
                <AuthorizationKindTag kind={a.kind} exclusive={a.exclusive} />
              </div>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

/** The second-tier distributors below the company (owner). */
export function SecondTierCard({ secondTier }: { secondTier: MyDistributor['secondTier'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('company.secondTier')} data-testid="second-tier">
      {secondTier.length === 0 ? (
        <EmptyState title={t('company.noSecondTier')} />
      ) : (
        <div className="pp-list">
          {secondTier.map((s) => (
            <div key={s.id} className="pp-item">
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{s.name}</Typography.Text>
                <Tag>{t(`stage.${s.stage}`)}</Tag>
              </Flex>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[s.code, s.region?.name].filter(Boolean).join(' · ')}
                </Typography.Text>
                <Link to={`/statements?company=${s.id}`} data-testid="second-tier-account">
                  {t('company.secondTierAccount')}
                </Link>
              </Flex>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}
