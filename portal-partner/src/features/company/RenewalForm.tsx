import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MyQualificationFragment } from '../../gql/graphql';
import { useRenewalProposal, type RenewalValues } from './useRenewalProposal';

/** 提交续期: the renewed document's number, its dates and its scan (photo or PDF). */
export function RenewalForm({
  q,
  onDone,
  onCancel,
}: {
  q: MyQualificationFragment;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { form, file, setFile, failure, busy, submit } = useRenewalProposal(q, onDone);
  return (
    <Form<RenewalValues>
      form={form}
      layout="vertical"
      size="large"
      style={{ marginTop: 8 }}
      data-testid={`renewal-form-${q.type}`}
      onFinish={() => void submit()}
    >
      <Form.Item
        name="number"
        label={t('company.renewalNumber')}
        rules={[{ required: true, whitespace: true, message: t('company.renewalNumberNeeded') }]}
      >
        <Input maxLength={80} />
      </Form.Item>
      <Form.Item
        name="validFrom"
        label={t('company.renewalValidFrom')}
        rules={[{ required: true, message: t('company.renewalValidFromNeeded') }]}
      >
        <Input type="date" />
      </Form.Item>
      <Form.Item name="validTo" label={t('company.renewalValidTo')} extra={t('company.renewalValidToHint')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item label={t('company.renewalScan')} required>
        <input
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-label={t('company.renewalScan')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        {file && <Typography.Text type="secondary">{file.name}</Typography.Text>}
      </Form.Item>
      {failure && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={failure} />}
      <Flex gap={8}>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('company.renewalSubmit')}
        </Button>
        <Button onClick={onCancel}>{t('company.renewalCancel')}</Button>
      </Flex>
    </Form>
  );
}
