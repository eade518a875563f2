import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import { useHandover, type HandoverColleague } from './useHandover';

/**
 * Under a disabled person (a rep in the portal's 团队, any of a distributor's people in the
 * console): the open co-visits he is still on and his open follow-up tasks, handed to an active
 * colleague one by one or all at once. His orders and notes stay his.
 */
export function HandoverPanel({
  person,
  colleagues,
  onError,
}: {
  person: { id: string; displayName: string };
  colleagues: HandoverColleague[];
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormat();
  const h = useHandover(person.id, colleagues, onError);
  if (!h.loaded || h.coVisits.length + h.tasks.length === 0) return null;

  const item = (key: string, kind: string, name: string, when: string, ids: Parameters<typeof h.move>[0]) => (
    <Flex key={key} justify="space-between" align="center" gap={8} data-testid="holding">
      <span style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">{kind} · </Typography.Text>
        {name}
        {when && <Typography.Text type="secondary"> · {when}</Typography.Text>}
      </span>
      <Button
        size="small"
        disabled={!h.to}
        onClick={() => void h.move(ids)}
        aria-label={t('handover.handOneLabel', { name })}
      >
        {t('handover.handOne')}
      </Button>
    </Flex>
  );

  return (
    <div
      style={{ marginTop: 8, padding: 8, background: 'rgba(0, 0, 0, 0.02)', borderRadius: 6 }}
      data-testid="handover"
    >
      <Typography.Text strong>
        {t('handover.holdings', { coVisits: h.coVisits.length, tasks: h.tasks.length })}
      </Typography.Text>
      <Flex align="center" gap={8} style={{ margin: '6px 0' }}>
        <Typography.Text type="secondary">{t('handover.handTo')}</Typography.Text>
        <Select
          size="small"
          value={h.to}
          onChange={h.setTo}
          style={{ flex: 1, minWidth: 120 }}
          placeholder={t('handover.noColleague')}
          aria-label={t('handover.handToLabel')}
          options={h.candidates.map((c) => ({ value: c.id, label: c.displayName }))}
          data-testid="handover-to"
        />
        <Button
          size="small"
          type="primary"
          disabled={!h.to}
          loading={h.moving}
          onClick={() => void h.move(null)}
          data-testid="handover-all"
        >
          {t('handover.handAll')}
        </Button>
      </Flex>
      {h.coVisits.map((v) =>
        item(v.id, t('handover.coVisit'), v.hospital?.name ?? v.goal, dateTime(v.startsAt), { coVisitIds: [v.id] }),
      )}
      {h.tasks.map((task) =>
        item(
          task.id,
          t('handover.task'),
          task.note?.hospital?.name
            ? t('handover.taskAt', { title: task.title, hospital: task.note.hospital.name })
            : task.title,
          task.dueOn ? t('handover.due', { date: date(task.dueOn) }) : '',
          { taskIds: [task.id] },
        ),
      )}
    </div>
  );
}
