import { Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { CommitmentKind, MAX_VISIT_ITEMS } from '@medchannel/shared-schema';

export interface TaskValue {
  title: string;
  ownerId?: string;
  dueOn?: Dayjs;
}

export interface CommitmentValue {
  kind: CommitmentKind;
  description: string;
  amount?: string;
  currency?: string;
  dueOn?: Dayjs;
}

/** An exact amount as typed: digits, at most two decimals; never turned into a float. */
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const CURRENCIES = ['CNY', 'USD', 'EUR'];

/** Follow-up tasks: what, who (the author or someone on the CC list), by when. Form list `tasks`. */
export function TaskFields({ owners }: { owners: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('note.tasks')} style={{ marginBottom: 16 }}>
      <Form.List name="tasks">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="top" data-testid={`task-${i}`}>
                <Col flex="auto">
                  <Form.Item name={[field.name, 'title']} rules={[{ required: true, whitespace: true, message: t('note.taskTitleRequired') }]}>
                    <Input maxLength={500} placeholder={t('note.taskTitle')} data-testid="task-title" />
                  </Form.Item>
                </Col>
                <Col flex="180px">
                  <Form.Item name={[field.name, 'ownerId']}>
                    <Select allowClear placeholder={t('note.taskOwnerMe')} options={owners} data-testid="task-owner" />
                  </Form.Item>
                </Col>
                <Col flex="150px">
                  <Form.Item name={[field.name, 'dueOn']}>
                    <DatePicker placeholder={t('note.dueOn')} data-testid="task-due" />
                  </Form.Item>
                </Col>
                <Col flex="24px">
                  <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(field.name)} data-testid="task-remove" />
                </Col>
              </Row>
            ))}
            {fields.length < MAX_VISIT_ITEMS && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '' })} data-testid="task-add">
                {t('note.taskAdd')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}

/**
 * Commitments made to the distributor: kind, what, an optional exact amount with its currency,
 * an optional date. Only in a shared note that CCs the distributor's owner. Form list `commitments`.
 */
export function CommitmentFields({ allowed }: { allowed: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('note.commitments')} extra={t('note.commitmentsHint')} style={{ marginBottom: 16 }}>
      <Form.List name="commitments">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="top" data-testid={`commitment-${i}`}>
                <Col flex="140px">
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                    <Select options={Object.values(CommitmentKind).map((k) => ({ value: k, label: t(`commitmentKind.${k}`) }))} data-testid="commitment-kind" />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item name={[field.name, 'description']} rules={[{ required: true, whitespace: true, message: t('note.commitmentDescriptionRequired') }]}>
                    <Input maxLength={1000} placeholder={t('note.commitmentDescription')} data-testid="commitment-description" />
                  </Form.Item>
                </Col>
                <Col flex="130px">
                  <Form.Item name={[field.name, 'amount']} rules={[{ pattern: AMOUNT, message: t('note.amountInvalid') }]}>
                    <Input inputMode="decimal" placeholder={t('note.amount')} data-testid="commitment-amount" />
                  </Form.Item>
                </Col>
                <Col flex="90px">
                  <Form.Item name={[field.name, 'currency']}>
                    <Select options={CURRENCIES.map((c) => ({ value: c, label: c }))} data-testid="commitment-currency" />
                  </Form.Item>
                </Col>
                <Col flex="150px">
                  <Form.Item name={[field.name, 'dueOn']}>
                    <DatePicker placeholder={t('note.dueOn')} data-testid="commitment-due" />
                  </Form.Item>
                </Col>
                <Col flex="24px">
                  <MinusCircleOutlined style={{ marginTop: 8 }} onClick={() => remove(field.name)} data-testid="commitment-remove" />
                </Col>
              </Row>
            ))}
            {fields.length < MAX_VISIT_ITEMS && (
              <Button type="dashed" icon={<PlusOutlined />} disabled={!allowed} onClick={() => add({ kind: CommitmentKind.OTHER, description: '', currency: 'CNY' })} data-testid="commitment-add">
                {t('note.commitmentAdd')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}

/** The commitments as the API takes them: the amount exactly as typed, its currency only with it. */
export function commitmentInputs(values: CommitmentValue[] = []) {
  return values.map((c) => ({
    kind: c.kind,
    description: c.description.trim(),
    amount: c.amount?.trim() || undefined,
    currency: c.amount?.trim() ? c.currency ?? 'CNY' : undefined,
    dueOn: c.dueOn?.format('YYYY-MM-DD'),
  }));
}
