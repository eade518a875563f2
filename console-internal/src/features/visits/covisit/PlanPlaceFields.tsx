import { Col, Form, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ContactsField, DepartmentField, HospitalField } from '../pickers/PlaceFields';
import { PeopleSelect } from '../pickers/PeopleSelect';
import type { usePlanCoVisit } from './usePlanCoVisit';

type Plan = ReturnType<typeof usePlanCoVisit>;

/**
 * Where (hospital, department, contacts) and with whom (the distributor's people and brand
 * colleagues). The distributors offered are those serving the hospital (a live authorization).
 */
export function PlanPlaceFields({ plan }: { plan: Pick<Plan, 'form' | 'hospital' | 'people' | 'distributorId'> }) {
  const { t } = useTranslation();
  const { form, hospital, people, distributorId } = plan;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <HospitalField testId="plan-hospital" chosenLabel={hospital?.name} />
        </Col>
        <Col xs={24} md={12}>
          <DepartmentField hospital={hospital} testId="plan-department" />
        </Col>
      </Row>
      <ContactsField hospital={hospital} testId="plan-contacts" />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="distributorId"
            label={t('visit.distributor')}
            rules={[{ required: true, message: t('visit.distributorRequired') }]}
          >
            {/* only the distributors authorized at the hospital today: a plan goes with one who may sell there */}
            <Select
              showSearch
              allowClear
              optionFilterProp="label"
              disabled={!hospital}
              placeholder={t(hospital ? 'visit.distributorSearch' : 'visit.distributorAfterHospital')}
              notFoundContent={t('visit.noServingDistributor')}
              options={hospital?.servingDistributors.map((d) => ({ value: d.id, label: `${d.name} · ${d.code}` }))}
              onChange={(id: string | undefined) => form.setFieldsValue({ distributorId: id, partnerIds: [] })}
              data-testid="plan-distributor"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="partnerIds"
            label={t('visit.partners')}
            extra={t('visit.partnersHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('visit.partnersRequired') }]}
          >
            <PeopleSelect
              people={people.partners}
              loading={people.loading}
              disabled={!distributorId}
              placeholder={t('visit.partnersPlaceholder')}
              testId="plan-partners"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="colleagueIds" label={t('visit.colleagues')} extra={t('visit.colleaguesHint')}>
        <PeopleSelect
          people={people.colleagues}
          loading={people.loading}
          placeholder={t('visit.colleaguesPlaceholder')}
          testId="plan-colleagues"
        />
      </Form.Item>
    </>
  );
}
