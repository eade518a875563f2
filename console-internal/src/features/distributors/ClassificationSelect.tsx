import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { DistributorClassification } from '@medchannel/shared-schema';

/** What a distributor is licensed as (several at once), in the reader's words; a form field's value and onChange pass through. */
export function ClassificationSelect(props: Omit<SelectProps<DistributorClassification[]>, 'mode' | 'options'>) {
  const { t } = useTranslation();
  return (
    <Select
      mode="multiple"
      allowClear
      options={Object.values(DistributorClassification).map((c) => ({ value: c, label: t(`classification.${c}`) }))}
      {...props}
    />
  );
}
