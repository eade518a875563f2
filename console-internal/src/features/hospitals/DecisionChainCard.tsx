import { useState } from 'react';
import { Button, Card, List, Space, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import type { HospitalContactRowFragment } from '../../gql/graphql';
import { ContactModal } from './ContactModal';
import { RetireContactModal } from './RetireContactModal';

type Contact = HospitalContactRowFragment;
const RELATION_COLOR = { SUPPORTER: 'green', NEUTRAL: 'default', OPPONENT: 'red', UNKNOWN: 'default' } as const;
const HEADS = new Set(['EQUIPMENT_HEAD', 'DEPARTMENT_HEAD']);

/** 决策链: who decides, their relation to the brand, those who left kept below with their history. */
export function DecisionChainCard({
  hospitalId,
  contacts,
  departments,
  canEdit,
}: {
  hospitalId: string;
  contacts: Contact[];
  departments: Array<{ id: string; name: string }>;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<{ contact?: Contact } | null>(null);
  const [retiring, setRetiring] = useState<Contact | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const departmentName = (id?: string | null) => departments.find((d) => d.id === id)?.name;

  return (
    <Card
      title={t('hospital.contacts')}
      style={{ marginBottom: 16 }}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('hospital.addContact')}
          </Button>
        )
      }
    >
      {contacts.length === 0 ? (
        <EmptyState title={t('hospital.noContacts')} />
      ) : (
        <List
          dataSource={contacts}
          data-testid="decision-chain"
          renderItem={(c) => (
            <List.Item
              data-testid="contact"
              style={c.retiredOn ? { opacity: 0.6 } : undefined}
              actions={[
                <Button key="history" size="small" type="link" onClick={() => setOpened(opened === c.id ? null : c.id)}>
                  {t('hospital.history')}
                </Button>,
                ...(canEdit && !c.retiredOn
                  ? [
                      <Button key="edit" size="small" type="link" onClick={() => setEditing({ contact: c })}>
                        {t('hospital.edit')}
                      </Button>,
                      <Button key="retire" size="small" type="link" danger onClick={() => setRetiring(c)}>
                        {t('hospital.retire')}
                      </Button>,
                    ]
                  : []),
              ]}
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{[c.name, c.title].filter(Boolean).join(' · ')}</span>
                    <Tag color={HEADS.has(c.decisionRole) ? 'blue' : 'default'}>
                      {t(`decisionRole.${c.decisionRole}`)}
                    </Tag>
                    <Tag color={RELATION_COLOR[c.relation]}>{t(`contactRelation.${c.relation}`)}</Tag>
                    {c.retiredOn && <Tag>{t('hospital.retiredTag', { date: format.date(c.retiredOn) })}</Tag>}
                  </Space>
                }
                description={
                  <>
                    {[departmentName(c.departmentId), c.phone].filter(Boolean).join(' · ') || null}
                    {opened === c.id && <ContactHistory contact={c} />}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      <ContactModal
        hospitalId={hospitalId}
        departments={departments}
        contact={editing?.contact}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
      <RetireContactModal contact={retiring} onClose={() => setRetiring(null)} />
    </Card>
  );
}

/** Every fact of the contact, oldest first: what they were after each change, and why. */
function ContactHistory({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Timeline
      style={{ marginTop: 12 }}
      data-testid="contact-history"
      items={contact.history.map((f) => ({
        key: f.id,
        color: f.kind === 'RETIRED' ? 'gray' : f.kind === 'ADDED' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong>{t(`hospital.factKind.${f.kind}`)}</Typography.Text>{' '}
            <Typography.Text type="secondary">{format.dateTime(f.createdAt)}</Typography.Text>
            <div>
              {[f.title, t(`decisionRole.${f.decisionRole}`), t(`contactRelation.${f.relation}`)]
                .filter(Boolean)
                .join(' · ')}
              {f.retiredOn && ` · ${t('hospital.retiredTag', { date: format.date(f.retiredOn) })}`}
            </div>
            {f.note && <div>{f.note}</div>}
          </>
        ),
      }))}
    />
  );
}
