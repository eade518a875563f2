import { Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';

/** Above the week: previous, this and next week, the dates shown; writing a note and planning a visit. */
export function WeekToolbar({ days, goTo }: { days: string[]; goTo: (weeks: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Space>
        <Button icon={<LeftOutlined />} onClick={() => goTo(-1)} data-testid="week-prev">
          {t('visit.week.previous')}
        </Button>
        <Button onClick={() => goTo(0)} data-testid="week-today">
          {t('visit.week.thisWeek')}
        </Button>
        <Button onClick={() => goTo(1)} data-testid="week-next">
          {t('visit.week.next')} <RightOutlined />
        </Button>
        <Typography.Text strong data-testid="week-range" data-from={days[0]}>
          {format.date(days[0])} – {format.date(days[6])}
        </Typography.Text>
        <Typography.Text type="secondary">{t('visit.week.chinaTime')}</Typography.Text>
      </Space>
      <Space>
        <Button
          onClick={() => void navigate('/visits/notes/write')}
          disabled={!can(user.role, 'visit.writeNote')}
          data-testid="note-write"
        >
          {t('note.write')}
        </Button>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => void navigate('/visits/plan')}
          disabled={!can(user.role, 'coVisit.plan')}
          data-testid="visit-plan"
        >
          {t('visit.plan')}
        </Button>
      </Space>
    </Flex>
  );
}
