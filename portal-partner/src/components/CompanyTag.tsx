import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';

/**
 * Whose a record is, when it is not the viewer's own company's: an owner of a first-tier distributor reads his
 * second tier's orders and people beside his own, each saying which company it belongs to.
 */
export function CompanyTag({ distributor }: { distributor: { id: string; name: string } | null | undefined }) {
  const { t } = useTranslation();
  const own = useCurrentUser().distributor?.id;
  if (!distributor || distributor.id === own) return null;
  return (
    <Tag color="purple" data-testid="company-tag" style={{ marginInlineEnd: 0 }}>
      {t('company.secondTierOf', { name: distributor.name })}
    </Tag>
  );
}
