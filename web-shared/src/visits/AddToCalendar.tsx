import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile, type Audience } from '../kernel';
import { addVisitStrings } from './strings';

/** The API's calendar entry (.ics) of one co-visit, for the people who may see it. */
const calendarUrl = (coVisitId: string) => `/files/co-visits/${coVisitId}/calendar.ics`;

/**
 * 加入日历: the confirmed visit as a calendar entry the phone's or desktop's calendar adds (time, hospital, address,
 * what it is for), reminding an hour before. Said in place when it cannot be had (offline, say).
 */
export function AddToCalendar({
  coVisitId,
  audience,
  block,
}: {
  coVisitId: string;
  audience: Audience;
  block?: boolean;
}) {
  addVisitStrings();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const add = async () => {
    setBusy(true);
    setFailed(false);
    setFailed(!(await downloadFile(calendarUrl(coVisitId), audience, t('calendar.fileName'))));
    setBusy(false);
  };
  return (
    <Flex vertical gap={4}>
      <Button
        icon={<CalendarOutlined />}
        loading={busy}
        block={block}
        onClick={() => void add()}
        data-testid="covisit-calendar"
      >
        {t('calendar.add')}
      </Button>
      {failed && (
        <Typography.Text type="danger" data-testid="covisit-calendar-failed">
          {t('calendar.failed')}
        </Typography.Text>
      )}
    </Flex>
  );
}
