import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Side } from '@medchannel/shared-schema';

interface Person {
  id: string;
  displayName: string;
  role: string;
  side: string;
}

/** People as chips: brand side plain, the distributor's in blue, each with their role on hover. */
export function PersonList({
  people,
  testId,
  empty = '—',
}: {
  people: ReadonlyArray<Person | null | undefined>;
  testId?: string;
  empty?: string;
}) {
  const { t } = useTranslation();
  const shown = people.filter((p): p is Person => Boolean(p));
  if (!shown.length) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap data-testid={testId}>
      {shown.map((p) => (
        <Tag
          key={p.id}
          color={p.side === Side.PARTNER ? 'blue' : undefined}
          title={t(`role.${p.role}`)}
          data-person={p.displayName}
          style={{ marginInlineEnd: 0 }}
        >
          {p.displayName}
          <Typography.Text type="secondary" style={{ fontSize: 11, marginInlineStart: 4 }}>
            {t(`role.${p.role}`)}
          </Typography.Text>
        </Tag>
      ))}
    </Space>
  );
}
