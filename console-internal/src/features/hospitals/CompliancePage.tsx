import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@medchannel/web-shared/components';
import { ComplianceQuestion } from './ComplianceQuestion';
import './strings';

/** 合规查询: the compliance question on a screen of its own, any distributor, product, hospital and date in scope. */
export default function CompliancePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('compliance.title')} subtitle={t('compliance.subtitle')} />
      <Card>
        <ComplianceQuestion />
      </Card>
    </>
  );
}
