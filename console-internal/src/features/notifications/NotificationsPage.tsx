import { Badge, Button, Card, Flex, List, Segmented, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import { signOf, useCodedError } from '@medchannel/web-shared/kernel';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { noticeTarget, useInbox, wordNotice, type Notice } from '@medchannel/web-shared/notices';
import { KeysetPager, useKeysetPages } from '../../components/KeysetPager';
import { addInboxStrings } from './strings';

addInboxStrings();

/** 通知: the viewer's inbox behind the header's bell; opening a notice marks it read and opens its record. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const explain = useCodedError();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const pages = useKeysetPages(String(unreadOnly));
  const { query, marking, markAll, open } = useInbox(
    unreadOnly,
    (n) => {
      const target = noticeTarget('console', n);
      if (target) navigate(target);
    },
    pages.after,
  );
  const page = query.data?.notifications;
  return (
    <>
      <PageHeader
        title={t('notice.title')}
        extra={
          <Flex gap={8}>
            <Link to="/notifications/settings" data-testid="notice-settings-link">
              <Button icon={<SettingOutlined />}>{t('notice.settings.link')}</Button>
            </Link>
            <Button onClick={markAll} loading={marking.loading} data-testid="notifications-read-all">
              {t('notice.readAll')}
            </Button>
          </Flex>
        }
      />
      <Card size="small">
        <Segmented
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
        <List
          loading={query.loading}
          dataSource={page?.nodes ?? []}
          data-testid="notification-list"
          locale={{
            emptyText: (
              <EmptyState
                title={t(unreadOnly ? 'notice.noneUnread' : 'notice.none')}
                description={t('notice.noneDescription')}
              />
            ),
          }}
          renderItem={(n) => <NoticeItem notice={n} onOpen={() => open(n)} />}
        />
        <KeysetPager pages={pages} page={page} loading={query.loading} totalTestId="notification-total" />
      </Card>
    </>
  );
}

function NoticeItem({ notice: n, onOpen }: { notice: Notice; onOpen: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const signed = (amount: string) => `${signOf(amount) > 0 ? '+' : ''}${format.money(amount)}`;
  const { title, details } = wordNotice(t, n, format.date, format.dateTime, signed);
  return (
    <List.Item
      onClick={onOpen}
      style={{ cursor: 'pointer' }}
      data-testid="notification"
      data-kind={n.kind}
      data-entity-id={n.entityId}
      data-unread={String(!n.readAt)}
      extra={<Typography.Text type="secondary">{format.dateTime(n.createdAt)}</Typography.Text>}
    >
      <List.Item.Meta
        title={
          <Badge dot={!n.readAt} offset={[6, 0]}>
            <Typography.Text strong={!n.readAt}>{title}</Typography.Text>
          </Badge>
        }
        description={details.length ? details.join(' · ') : null}
      />
    </List.Item>
  );
}
