import '../strings';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@medchannel/web-shared/components';
import { chinaToday } from '@medchannel/web-shared/kernel';
import { BackLink, DetailPending } from '../../../components/DetailPending';
import { HospitalPicker } from '../../../components/hospitals/HospitalPicker';
import { firstValues, usePlanCoVisit, type PlanValues } from './usePlanCoVisit';
import '../visits.css';

/**
 * 约品牌陪访, on a phone: which hospital, what for, one time (China time); the distributor's
 * channel manager goes along and is asked to confirm. Without a channel manager there is no one
 * to ask: the page says so and sends nothing.
 */
export default function PlanCoVisitPage() {
  const { t } = useTranslation();
  const plan = usePlanCoVisit();
  const back = (
    <BackLink to="/visits" testId="plan-back">
      {t('visits.back')}
    </BackLink>
  );
  if (!plan.choices.data) return <DetailPending query={plan.choices} back={back} />;
  const { manager } = plan;

  return (
    <Flex vertical gap={12} className="pv-page" data-testid="plan-co-visit">
      {back}
      <PageHeader title={t('visits.plan.title')} subtitle={t('visits.plan.subtitle')} />
      {!manager ? (
        <Alert type="warning" showIcon title={t('visits.plan.noManager')} data-testid="plan-no-manager" />
      ) : (
        <Card size="small">
          <Form<PlanValues>
            form={plan.form}
            layout="vertical"
            initialValues={firstValues()}
            requiredMark={false}
            onFinish={() => void plan.submit()}
          >
            {plan.overlap.dialog}
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('visits.plan.with', { name: manager.displayName })}
              data-testid="plan-with"
            />
            <Form.Item
              name="hospitalId"
              label={t('visits.plan.hospital')}
              rules={[{ required: true, message: t('visits.plan.hospitalRequired') }]}
            >
              <HospitalPicker testId="plan-hospital" />
            </Form.Item>
            <Form.Item
              name="goal"
              label={t('visits.plan.goal')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('visits.plan.goalRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={500} placeholder={t('visits.plan.goalPlaceholder')} />
            </Form.Item>
            <Form.Item
              name="day"
              label={t('visits.plan.day')}
              rules={[
                { required: true, message: t('visits.slotInvalid') },
                { validator: async (_, day: string) => checkDay(day, t('visits.slotInvalid')) },
              ]}
            >
              <Input type="date" size="large" min={chinaToday()} />
            </Form.Item>
            <Flex gap={8}>
              <Form.Item
                name="from"
                label={t('visits.slotFrom')}
                style={{ flex: 1 }}
                rules={[{ required: true, message: t('visits.slotInvalid') }]}
              >
                <Input type="time" size="large" />
              </Form.Item>
              <Form.Item
                name="to"
                label={t('visits.slotTo')}
                style={{ flex: 1 }}
                dependencies={['from']}
                rules={[
                  { required: true, message: t('visits.slotInvalid') },
                  ({ getFieldValue }) => ({
                    validator: async (_, to: string) => {
                      if (to && to <= getFieldValue('from')) throw new Error(t('visits.slotInvalid'));
                    },
                  }),
                ]}
              >
                <Input type="time" size="large" />
              </Form.Item>
            </Flex>
            {plan.failure && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 12 }}
                title={plan.failure.message}
                data-testid="plan-error"
                data-reason={plan.failure.reason ?? ''}
              />
            )}
            <Button type="primary" size="large" block htmlType="submit" icon={<SendOutlined />} loading={plan.loading}>
              {t('visits.plan.send')}
            </Button>
          </Form>
        </Card>
      )}
    </Flex>
  );
}

async function checkDay(day: string | undefined, message: string): Promise<void> {
  if (day && (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < chinaToday())) throw new Error(message);
}
