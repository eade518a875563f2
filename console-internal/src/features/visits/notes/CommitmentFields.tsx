import { Col, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { CommitmentKind } from '@medchannel/shared-schema';
import { ItemList } from './ItemList';

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

/**
 * Commitments made to the distributor: kind, what, an optional exact amount with its currency,
 * an optional date. Only in a shared note that CCs the distributor's owner. Form list `commitments`.
 */
export function CommitmentFields({ allowed }: { allowed: boolean }) {
  const { t } = useTranslation();
  return (
    <ItemList
      name="commitments"
      testId="commitment"
      title={t('note.commitments')}
      extra={t('note.commitmentsHint')}
      addLabel={t('note.commitmentAdd')}
      newItem={() => ({ kind: CommitmentKind.OTHER, description: '', currency: 'CNY' })}
      disabled={!allowed}
    >
      {(field) => (
        <>
          <Col flex="140px">
            <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
              <Select
                options={Object.values(CommitmentKind).map((k) => ({ value: k, label: t(`commitmentKind.${k}`) }))}
                data-testid="commitment-kind"
              />
            </Form.Item>
          </Col>
          <Col flex="auto">
            <Form.Item
              name={[field.name, 'description']}
              rules={[{ required: true, whitespace: true, message: t('note.commitmentDescriptionRequired') }]}
            >
              <Input
                maxLength={1000}
                placeholder={t('note.commitmentDescription')}
                data-testid="commitment-description"
              />
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
        </>
      )}
    </ItemList>
  );
}

/** The commitments as the API takes them: the amount exactly as typed, its currency only with it. */
export function commitmentInputs(values: CommitmentValue[] = []) {
  return values.map((c) => ({
    kind: c.kind,
    description: c.description.trim(),
    amount: c.amount?.trim() || undefined,
    currency: c.amount?.trim() ? (c.currency ?? 'CNY') : undefined,
    dueOn: c.dueOn?.format('YYYY-MM-DD'),
  }));
}
