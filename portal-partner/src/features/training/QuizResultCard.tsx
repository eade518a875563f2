import { Button, Card, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '@medchannel/web-shared';
import type { Version } from './CoursePage';
import type { QuizResult } from './QuizStep';

/** The attempt's result at once: score against the pass mark, which questions were wrong, attempts left, the certificate. */
export function QuizResultCard({
  result,
  version,
  onAgain,
}: {
  result: QuizResult;
  version: Version;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { attempt, certificate, enrollment } = result;
  const wrong = new Set(result.questions.filter((q) => !q.correct).map((q) => q.questionId));
  const left = enrollment.attemptsLeft ?? 0;
  return (
    <Card size="small" data-testid="quiz-result" data-passed={String(attempt.passed)} data-score={attempt.score}>
      <Result
        status={attempt.passed ? 'success' : 'warning'}
        title={t(attempt.passed ? 'quiz.passed' : 'quiz.failed')}
        subTitle={
          <span data-testid="quiz-score">{t('quiz.score', { score: attempt.score, pass: version.passScore })}</span>
        }
        style={{ padding: '16px 0' }}
      />
      {wrong.size === 0 ? (
        <Typography.Paragraph type="success">{t('quiz.allRight')}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Text strong>{t('quiz.wrong')}</Typography.Text>
          <ul className="pt-wrong" data-testid="quiz-wrong">
            {version.questions
              .filter((q) => wrong.has(q.id))
              .map((q) => (
                <li key={q.id} data-testid={`quiz-wrong-${q.id}`}>
                  {q.prompt}
                </li>
              ))}
          </ul>
        </>
      )}
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        {certificate && (
          <Link to="/training?tab=certificates" data-testid="quiz-certificate" data-number={certificate.number}>
            {t('quiz.certificate', { number: certificate.number, date: format.date(certificate.validTo) })}
          </Link>
        )}
        {!attempt.passed && (
          <>
            <Typography.Text type={left > 0 ? 'secondary' : 'danger'} data-testid="quiz-attempts-left" data-left={left}>
              {left > 0 ? t('quiz.attemptsLeft', { count: left }) : t('quiz.noAttemptsLeft')}
            </Typography.Text>
            {left > 0 && (
              <Button type="primary" block size="large" onClick={onAgain} data-testid="quiz-again">
                {t('quiz.again')}
              </Button>
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
