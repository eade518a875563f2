import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A distributor's person as the training lists show them: the name, and their role under it. */
export function PersonCell({ user }: { user: { displayName: string; role: string } | null | undefined }) {
  const { t } = useTranslation();
  if (!user) return <>—</>;
  return (
    <Flex vertical>
      <span>{user.displayName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(`role.${user.role}`)}
      </Typography.Text>
    </Flex>
  );
}
