import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<string, string> = { ACTIVE: 'green', INVITED: 'gold', DISABLED: 'default' };

/** A person's state: invited (no password yet), active, disabled. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid="person-status">
      {t(`people.state.${status}`)}
    </Tag>
  );
}
