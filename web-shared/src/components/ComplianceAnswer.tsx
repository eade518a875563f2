import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

interface Answer {
  allowed: boolean;
  findings: ReadonlyArray<{ reason: string }>;
}

/**
 * The compliance question's answer, as both apps show it: allowed, or refused with every reason why
 * (words `compliance.*` and `complianceReason.<REASON>`, which each app carries).
 */
export function ComplianceAnswer({ answer }: { answer: Answer }) {
  const { t } = useTranslation();
  return (
    <Alert
      style={{ marginTop: 16 }}
      type={answer.allowed ? 'success' : 'error'}
      showIcon
      data-testid="compliance-answer"
      data-allowed={String(answer.allowed)}
      title={answer.allowed ? t('compliance.allowed') : t('compliance.refused')}
      description={
        answer.allowed ? (
          t('compliance.allowedDetail')
        ) : (
          <>
            {t('compliance.refusedDetail', { count: answer.findings.length })}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {answer.findings.map((f, i) => (
                <li key={`${f.reason}-${i}`} data-reason={f.reason}>
                  {t(`complianceReason.${f.reason}`)}
                </li>
              ))}
            </ul>
          </>
        )
      }
    />
  );
}
