import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown once: the API answers it only when it is made, and never again. */
export function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="webhook-secret"
      title={t('erp.secretTitle')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('erp.secretOnce')}</Typography.Paragraph>
          <Typography.Text
            code
            copyable={{ text: secret, tooltips: [t('erp.copy'), t('erp.copied')] }}
            data-testid="webhook-secret-value"
          >
            {secret}
          </Typography.Text>
        </>
      }
      action={
        <Button size="small" onClick={onDone} data-testid="webhook-secret-done">
          {t('erp.secretSaved')}
        </Button>
      }
    />
  );
}
