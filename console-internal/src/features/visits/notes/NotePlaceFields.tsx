import { Alert, Col, DatePicker, Form, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { ContactsField, DepartmentField, HospitalField } from '../pickers/PlaceFields';
import { chinaDay, chinaTime, chinaToday } from '@medchannel/web-shared/kernel';
import type { useWriteNote } from './useWriteNote';

type Note = ReturnType<typeof useWriteNote>;

/** Where and when: the co-visit said in words, or the hospital and distributor picked; then department, contacts and the day. */
export function NotePlaceFields({ note }: { note: Pick<Note, 'form' | 'visit' | 'hospital' | 'setDistributorName'> }) {
  const { t } = useTranslation();
  const { form, visit, hospital, setDistributorName } = note;
  return (
    <>
      {visit ? (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          data-testid="note-covisit"
          title={t('note.forVisit', {
            hospital: visit.hospital?.name ?? '—',
            distributor: visit.distributor?.name ?? '—',
            at: `${chinaDay(visit.startsAt)} ${chinaTime(visit.startsAt)}`,
          })}
        />
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <HospitalField testId="note-hospital" chosenLabel={hospital?.name} />
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="distributorId" label={t('visit.distributor')} extra={t('note.distributorHint')}>
              <DistributorPicker
                placeholder={t('visit.distributorSearch')}
                testId="note-distributor"
                style={{ width: '100%' }}
                onChange={(id, label) => {
                  form.setFieldsValue({ distributorId: id, ccPartnerIds: [] });
                  setDistributorName(label?.split(' · ')[0]);
                }}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <DepartmentField hospital={hospital} testId="note-department" />
        </Col>
        <Col xs={24} md={10}>
          <ContactsField hospital={hospital} testId="note-contacts" />
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="visitedOn" label={t('note.visitedOn')} rules={[{ required: true }]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
              data-testid="note-date"
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
