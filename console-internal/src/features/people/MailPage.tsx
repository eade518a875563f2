import { Alert, Card, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { EmptyState } from '@medchannel/web-shared/states';
import { MailMessagesDocument, type MailMessagesQuery } from '../../gql/graphql';
import { PagedTable } from '../../components/PagedTable';
import { useKeysetPages } from '../../components/KeysetPager';
import { MailBody } from './MailBody';
import './strings';

type Mail = MailMessagesQuery['mailMessages']['nodes'][number];

/**
 * 邮件: what the API sent. Without an SMTP server (development, the quick start) mail is kept and
 * its text shown here, so a newcomer's invitation link can be opened; over SMTP only who, what
 * and when (the text, which may hold a sign-in link, is not kept once sent).
 */
export default function MailPage() {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const pages = useKeysetPages('');
  const { data, previousData, loading, error, refetch } = useQuery(MailMessagesDocument, {
    variables: { first: 20, after: pages.after },
    fetchPolicy: 'cache-and-network',
  });
  const page = (data ?? previousData)?.mailMessages;
  const kept = page?.nodes.some((m) => m.kept);

  return (
    <>
      <PageHeader title={t('nav.mail')} subtitle={t('mail.subtitle')} />
      {kept && <Alert type="info" showIcon title={t('mail.keptHint')} style={{ marginBottom: 16 }} />}
      <Card>
        <PagedTable<Mail>
          list={{ page, loading, error, refetch }}
          pages={pages}
          empty={<EmptyState title={t('mail.empty')} />}
          totalTestId="mail-total"
          onRow={(m) => ({ 'data-testid': 'mail-row', 'data-to': m.toAddress }) as never}
          expandable={{
            rowExpandable: (m) => m.body != null,
            expandedRowRender: (m) => <MailBody text={m.body ?? ''} />,
          }}
          columns={[
            { title: t('mail.when'), key: 'when', render: (_, m) => dateTime(m.createdAt), width: 180 },
            { title: t('mail.to'), dataIndex: 'toAddress', key: 'to' },
            { title: t('mail.kind'), key: 'kind', render: (_, m) => <Tag>{t(`mail.kindName.${m.kind}`)}</Tag> },
            { title: t('mail.subject'), dataIndex: 'subject', key: 'subject' },
            {
              title: t('mail.state'),
              key: 'state',
              render: (_, m) =>
                m.kept ? (
                  <Tag>{t('mail.kept')}</Tag>
                ) : m.deliveredAt ? (
                  <Tag color="green">{t('mail.sent')}</Tag>
                ) : (
                  <Typography.Text type={m.lastError ? 'danger' : 'secondary'}>
                    {t('mail.pending', { attempts: m.attempts })}
                  </Typography.Text>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
