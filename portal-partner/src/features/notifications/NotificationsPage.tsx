import './strings';
import { Badge, Button, Card, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { signOf, useCodedError } from '@medchannel/web-shared/kernel';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { noticeTarget, useInbox, wordNotice, type Notice } from '@medchannel/web-shared/notices';
import { PagedList, useLoadMore } from '../../components/LoadMore';

/** 通知: the viewer's notices, newest first; opening one marks it read and goes to its record. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const { query, marking, markAll, open } = useInbox(unreadOnly, (n) => {
    const target = noticeTarget('portal', n);
    if (target) navigate(target);
  });
  const pager = useLoadMore(query, 'notifications');
  const explain = useCodedError();

  return (
    <>
      <PageHeader
        title={t('notice.title')}
        extra={
          <Button onClick={markAll} loading={marking.loading} data-testid="notifications-read-all">
            {t('notice.readAll')}
          </Button>
        }
      />
      <Segmented
        block
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => setParams(v === 'unread' ? { unread: '1' } : {}, { replace: true })}
        options={[
          { value: 'all', label: t('notice.all') },
          { value: 'unread', label: t('notice.unread') },
        ]}
        style={{ marginBottom: 12 }}
        data-testid="notifications-filter"
      />
      {marking.error && <Typography.Text type="danger">{explain(marking.error).message}</Typography.Text>}
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="notification-list"
          footerTestId="notifications"
          row={(n) => <NoticeRow key={n.id} notice={n} onOpen={() => open(n)} />}
          empty={
            <EmptyState
              title={t(unreadOnly ? 'notice.noneUnread' : 'notice.none')}
              description={t('notice.noneDescription')}
            />
          }
        />
      </Card>
    </>
  );
}

function NoticeRow({ notice: n, onOpen }: { notice: Notice; onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // the only time a notice carries is a co-visit's, said as the hospital's clock shows it
  const visitTime = format.dateTime;
  // a change of balance with its sign: "+¥4,160.00" adds to what is owed
  const signed = (amount: string) => `${signOf(amount) > 0 ? '+' : ''}${format.money(amount)}`;
  const { title, details } = wordNotice(t, n, format.date, visitTime, signed);
  return (
    <button
      type="button"
      className="pp-item"
      onClick={onOpen}
      data-testid="notification"
      data-kind={n.kind}
      data-entity-id={n.entityId}
      data-unread={String(!n.readAt)}
      style={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        background: 'none',
        border: 'none',
        borderBottom: '1px solid #f0f0f0',
        cursor: 'pointer',
        font: 'inherit',
      }}
    >
      <Badge dot={!n.readAt} offset={[6, 0]}>
        <Typography.Text strong={!n.readAt}>{title}</Typography.Text>
      </Badge>
      {details.map((d) => (
        <div key={d} className="pp-item-line">
          {d}
        </div>
      ))}
      <div className="pp-item-line" style={{ color: 'rgba(0,0,0,0.62)', fontSize: 12 }}>
        {format.dateTime(n.createdAt)}
      </div>
    </button>
  );
}
