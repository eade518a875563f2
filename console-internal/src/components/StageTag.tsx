import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { DistributorStage } from '@medchannel/shared-schema';

const COLOR: Record<DistributorStage, string> = {
  [DistributorStage.PROSPECT]: 'default',
  [DistributorStage.SCREENING]: 'cyan',
  [DistributorStage.NEGOTIATING]: 'geekblue',
  [DistributorStage.TEMP_AUTHORIZED]: 'gold',
  [DistributorStage.TRIAL]: 'purple',
  [DistributorStage.FORMAL]: 'green',
  [DistributorStage.UNDER_REVIEW]: 'orange',
  [DistributorStage.EXITING]: 'volcano',
  [DistributorStage.TERMINATED]: 'red',
};

export function StageTag({ stage }: { stage: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[stage as DistributorStage] ?? 'default'}>{t(`stage.${stage}`)}</Tag>;
}
