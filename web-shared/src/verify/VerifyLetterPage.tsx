import { useEffect } from 'react';
import { Alert, Button, Descriptions, Form, Input, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AuthFrame } from '../access/AuthFrame';
import { useFormat } from '../app/format';
import { addVerifyStrings } from './strings';
import { useLetterCheck, type LetterCheckState } from './useLetterCheck';

addVerifyStrings();

const ALERT_TYPE = { ACTIVE: 'success', SCHEDULED: 'info', EXPIRED: 'warning', REVOKED: 'error' } as const;

function Answer({ state }: { state: LetterCheckState }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (state.kind === 'answered')
    return (
      <>
        <Alert
          type={ALERT_TYPE[state.status]}
          showIcon
          data-testid="letter-status"
          title={t(`verify.status.${state.status}`)}
          description={`${t(`verify.statusHint.${state.status}`)} ${t('verify.checkedOn', { date: format.date(state.checkedOn) })}`}
        />
        {state.tender && (
          // a tender letter: what the paper in hand must say, to be this letter
          <Descriptions
            column={1}
            size="small"
            title={t('verify.tender.title')}
            style={{ marginTop: 16 }}
            data-testid="letter-tender"
          >
            <Descriptions.Item label={t('verify.tender.number')}>{state.tender.number}</Descriptions.Item>
            <Descriptions.Item label={t('verify.tender.purchaser')}>{state.tender.purchaser}</Descriptions.Item>
            <Descriptions.Item label={t('verify.tender.hospital')}>{state.tender.hospital}</Descriptions.Item>
            <Descriptions.Item label={t('verify.tender.project')}>{state.tender.project}</Descriptions.Item>
            <Descriptions.Item label={t('verify.tender.validity')}>
              {t('verify.tender.period', {
                from: format.date(state.tender.validFrom),
                to: format.date(state.tender.validTo),
              })}
            </Descriptions.Item>
          </Descriptions>
        )}
      </>
    );
  if (state.kind === 'refused') {
    const words = { NOT_FOUND: 'verify.notFound', RATE_LIMITED: 'verify.rateLimited', FAILED: 'verify.failed' };
    return <Alert type="error" showIcon data-testid="letter-status" title={t(words[state.code])} />;
  }
  return null;
}

/**
 * 授权书真伪查验, signed out: a hospital shown an authorization letter checks it by its number and
 * verification code (the letter's QR code opens this page with both filled in, and checks at once).
 * The answer is whether the letter holds today; a tender letter also names its tender, hospital,
 * project and period, so the checker sees the paper is that letter; nothing else is told.
 */
export default function VerifyLetterPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ number: string; code: string }>();
  const { state, check } = useLetterCheck();
  const number = params.get('number') ?? '';
  const code = params.get('code') ?? '';

  useEffect(() => {
    if (number && code) void check(number, code);
  }, [number, code, check]);

  return (
    <AuthFrame subtitle={t('verify.title')}>
      <Typography.Paragraph type="secondary">{t('verify.hint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ number, code }}
        onFinish={(v) => void check(v.number.trim(), v.code.trim())}
      >
        <Form.Item
          name="number"
          label={t('verify.number')}
          rules={[{ required: true, message: t('verify.numberRequired') }]}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="code" label={t('verify.code')} rules={[{ required: true, message: t('verify.codeRequired') }]}>
          <Input autoComplete="off" spellCheck={false} placeholder="XXXXX-XXXXX" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          icon={<SafetyCertificateOutlined />}
          loading={state.kind === 'checking'}
          style={{ marginBottom: 16 }}
        >
          {t('verify.submit')}
        </Button>
      </Form>
      <Answer state={state} />
    </AuthFrame>
  );
}
