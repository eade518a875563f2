import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';

/** One row of 我的: an icon and a name on the left, a hint and an arrow on the right. */
export function MeLink({
  to,
  testId,
  icon,
  label,
  hint,
}: {
  to: string;
  testId: string;
  icon: ReactNode;
  label: string;
  hint: string;
}) {
  return (
    <Link to={to} data-testid={testId}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="center">
          <Typography.Text>
            <span style={{ marginRight: 8, color: '#1565c0' }}>{icon}</span>
            {label}
          </Typography.Text>
          <Typography.Text type="secondary">
            {hint} <RightOutlined />
          </Typography.Text>
        </Flex>
      </Card>
    </Link>
  );
}
