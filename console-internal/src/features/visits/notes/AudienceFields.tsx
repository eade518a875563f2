import { Alert, Button, Card, Col, Form, Radio, Row, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can, NoteVisibility } from '@medchannel/shared-schema';
import { PeopleSelect } from '../pickers/PeopleSelect';
import type { Person } from '../pickers/people';

interface Props {
  visibility: NoteVisibility;
  people: { colleagues: Person[]; partners: Person[]; heads: Person[]; loading: boolean; denied: boolean };
  brandIds: string[];
  partnerIds: string[];
  distributorName?: string;
  onAddBrand: (ids: string[]) => void;
}

/**
 * Who will read the note, unmistakably: two big choices (brand only, or shared with a CC list
 * that may name the distributor's owner and reps), the CC pickers for each side, and a sentence
 * naming everyone who will read it. Form fields: visibility, ccBrandIds, ccPartnerIds.
 */
export function AudienceFields({ visibility, people, brandIds, partnerIds, distributorName, onAddBrand }: Props) {
  const { t } = useTranslation();
  const shared = visibility === NoteVisibility.SHARED;
  const named = (ids: string[], from: Person[]) => ids.map((id) => from.find((p) => p.id === id)?.displayName ?? id);
  const brandNames = named(brandIds, people.colleagues);
  const partnerNames = shared ? named(partnerIds, people.partners) : [];
  const owner = people.partners.find((p) => can(p.role, 'commitment.answer'));
  const headsMissing = people.heads.filter((h) => !brandIds.includes(h.id));

  return (
    <Card size="small" title={t('note.audience')} style={{ marginBottom: 16 }}>
      <Form.Item name="visibility" style={{ marginBottom: 12 }}>
        <Radio.Group style={{ width: '100%' }} data-testid="note-visibility">
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Radio.Button value={NoteVisibility.INTERNAL} style={{ width: '100%', height: 'auto', padding: 12 }}>
                <Space align="start" data-testid="note-visibility-internal">
                  <EyeInvisibleOutlined style={{ fontSize: 20 }} />
                  <span>
                    <Typography.Text strong>{t('note.internalTitle')}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('note.internalHint')}
                    </Typography.Text>
                  </span>
                </Space>
              </Radio.Button>
            </Col>
            <Col xs={24} md={12}>
              <Radio.Button value={NoteVisibility.SHARED} style={{ width: '100%', height: 'auto', padding: 12 }}>
                <Space align="start" data-testid="note-visibility-shared">
                  <TeamOutlined style={{ fontSize: 20 }} />
                  <span>
                    <Typography.Text strong>{t('note.sharedTitle')}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('note.sharedHint')}
                    </Typography.Text>
                  </span>
                </Space>
              </Radio.Button>
            </Col>
          </Row>
        </Radio.Group>
      </Form.Item>
      {people.denied && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('visit.peopleDenied')} />}
      <Form.Item name="ccBrandIds" label={t('note.ccBrand')} extra={t('note.ccBrandHint')}>
        <PeopleSelect
          people={people.colleagues}
          loading={people.loading}
          placeholder={t('note.ccBrandPlaceholder')}
          testId="note-cc-brand"
        />
      </Form.Item>
      {headsMissing.length > 0 && (
        <Button
          size="small"
          style={{ marginTop: -12, marginBottom: 12 }}
          onClick={() => onAddBrand(headsMissing.map((h) => h.id))}
          data-testid="note-cc-head"
        >
          {t('note.ccMyHead', { names: headsMissing.map((h) => h.displayName).join('、') })}
        </Button>
      )}
      {shared && (
        <Form.Item
          name="ccPartnerIds"
          label={t('note.ccPartner', { distributor: distributorName ?? t('visit.distributor') })}
          extra={distributorName ? t('note.ccPartnerHint') : t('note.ccPartnerNeedsDistributor')}
        >
          <PeopleSelect
            people={people.partners}
            loading={people.loading}
            disabled={!distributorName}
            placeholder={t('note.ccPartnerPlaceholder')}
            testId="note-cc-partner"
          />
        </Form.Item>
      )}
      <Alert
        type={shared && partnerNames.length ? 'warning' : 'info'}
        showIcon
        data-testid="note-audience"
        data-visibility={visibility}
        title={shared ? t('note.audienceShared', { count: partnerNames.length }) : t('note.audienceInternal')}
        description={
          <>
            <div>{t('note.audienceBrand', { names: [t('note.you'), ...brandNames].join('、') })}</div>
            {shared && (
              <div data-testid="note-audience-partner">
                {partnerNames.length
                  ? t('note.audiencePartner', { names: partnerNames.join('、'), distributor: distributorName })
                  : t('note.audienceNoPartner')}
              </div>
            )}
            {shared && owner && !partnerIds.includes(owner.id) && (
              <div>{t('note.ownerNotCcd', { name: owner.displayName })}</div>
            )}
          </>
        }
      />
    </Card>
  );
}
