import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';
import { EmptyState } from './states';

/** A feature whose data arrives in a later part: a real page that says what will be here. */
export function FeaturePlaceholder({ feature }: { feature: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(`nav.${feature}`)} subtitle={t(`features.${feature}.subtitle`)} />
      <Card>
        <EmptyState title={t(`features.${feature}.emptyTitle`)} description={t(`features.${feature}.emptyDescription`)} />
      </Card>
    </>
  );
}
