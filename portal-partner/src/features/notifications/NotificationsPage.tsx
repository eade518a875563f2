import './strings';
import { Badge, Button, Card, Segmented, Typography } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage, useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { PagedList, useLoadMore } from '../../components/LoadMore';
import { MarkNotificationsReadDocument, NotificationsDocument, type NotificationsQuery } from '../../gql/graphql';
import { useVisitTime } from '../visits/dates';
import { noticeTarget, wordNotice } from './notice';

type Notice = NotificationsQuery['notifications']['nodes'][number];

/** 通知: the viewer's notices, newest first; opening one marks it read and goes to its order. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const query = useQuery(NotificationsDocument, { variables: { unreadOnly } });
  const pager = useLoadMore(query, 'notifications');
  const [mark, marking] = useMutation(MarkNotificationsReadDocument, {
    refetchQueries: ['UnreadNotificationCount'],
    // Read now, on screen too: the list's cached notices are updated rather than refetched page by page.
    update(cache, _result, { variables }) {
      const now = new Date().toISOString();
      const asked = variables?.ids;
      const ids = Array.isArray(asked) ? asked.map(String) : (pager.page?.nodes.map((n) => n.id) ?? []);
      for (const id of ids) cache.modify({ id: cache.identify({ __typename: 'Notification', id }), fields: { readAt: (v) => v ?? now } });
    },
  });

  const open = (n: Notice) => {
    if (!n.readAt) void mark({ variables: { ids: [n.id] } });
    const target = noticeTarget(n);
    if (target) navigate(target);
  };

  return (
    <>
      <PageHeader
        title={t('notice.title')}
        extra={
          <Button onClick={() => void mark({ variables: { ids: null } })} loading={marking.loading} data-testid="notifications-read-all">
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
      {marking.error && <Typography.Text type="danger">{errorMessage(t, marking.error)}</Typography.Text>}
      <Card size="small">
        <PagedList
          query={query}
          pager={pager}
          testId="notification-list"
          footerTestId="notifications"
          row={(n) => <NoticeRow key={n.id} notice={n} onOpen={() => open(n)} />}
          empty={<EmptyState title={t(unreadOnly ? 'notice.noneUnread' : 'notice.none')} description={t('notice.noneDescription')} />}
        />
      </Card>
    </>
  );
}

function NoticeRow({ notice: n, onOpen }: { notice: Notice; onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // the only time a notice carries is a co-visit's, said as the hospital's clock shows it
  const visitTime = useVisitTime();
  // a change of balance with its sign: "+¥4,160.00" adds to what is owed
  const signed = (amount: string) => `${!amount.startsWith('-') && !/^0(\.0+)?$/.test(amount) ? '+' : ''}${format.money(amount)}`;
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
      style={{ display: 'block', width: '100%', textAlign: 'left', background: 'none', border: 'none', borderBottom: '1px solid #f0f0f0', cursor: 'pointer', font: 'inherit' }}
    >
      <Badge dot={!n.readAt} offset={[6, 0]}>
        <Typography.Text strong={!n.readAt}>{title}</Typography.Text>
      </Badge>
      {details.map((d) => (
        <div key={d} className="pp-item-line">
          {d}
        </div>
      ))}
      <div className="pp-item-line" style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
        {format.dateTime(n.createdAt)}
      </div>
    </button>
  );
}
