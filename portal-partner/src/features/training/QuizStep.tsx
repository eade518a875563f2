import { useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Flex, Radio, Tag, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EnrollmentStatus, QuestionKind } from '@medchannel/shared-schema';
import { SubmitQuizDocument, type SubmitQuizMutation } from '../../gql/graphql';
import type { MyEnrollment, Version } from './CoursePage';
import { QuizResultCard } from './QuizResultCard';
import { useQuizDraft } from './quizDraft';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { TRAINING_ERRORS } from './trainingErrors';

export type QuizResult = SubmitQuizMutation['submitQuiz'];

/**
 * The quiz: single-answer questions as radios, several-answer ones as checkboxes; scored at once.
 * A double tap sends one request; a retry after a lost answer sends the same key, so the server
 * answers with the attempt already scored rather than using a second one.
 */
export function QuizStep({ enrollment, version }: { enrollment: MyEnrollment; version: Version }) {
  const { t } = useTranslation();
  const explain = useCodedError(TRAINING_ERRORS);
  const draft = useQuizDraft(enrollment.id);
  const [submit, submitting] = useMutation(SubmitQuizDocument, { refetchQueries: ['MyEnrollments', 'MyCertificates'] });
  const [result, setResult] = useState<QuizResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef(false);

  if (result) {
    const again = () => {
      draft.reset();
      setResult(null);
      window.scrollTo({ top: 0 });
    };
    return <QuizResultCard result={result} version={version} onAgain={again} />;
  }
  if (enrollment.status === EnrollmentStatus.COMPLETED || enrollment.status === EnrollmentStatus.FAILED) return null;

  const unanswered = version.questions.filter((q) => !draft.answers[q.id]?.length).length;
  const send = async () => {
    if (inFlight.current || unanswered > 0) return;
    inFlight.current = true;
    setError(null);
    const answers = version.questions.map((q) => ({ questionId: q.id, optionIds: draft.answers[q.id] ?? [] }));
    try {
      const { data } = await submit({
        variables: { input: { enrollmentId: enrollment.id, answers, idempotencyKey: draft.requestKey() } },
      });
      if (!data) throw new Error('submitQuiz answered without data');
      draft.answered();
      setResult(data.submitQuiz);
    } catch (err) {
      // The server answered with a refusal: the key is spent. A lost answer keeps it for the retry.
      const failure = explain(err);
      if (failure.code !== 'NETWORK') draft.answered();
      setError(failure.message);
    } finally {
      inFlight.current = false;
    }
  };

  return (
    <Card size="small" title={t('quiz.title')} data-testid="quiz">
      <Typography.Paragraph type="secondary">
        {t('quiz.rule', {
          count: version.questions.length,
          pass: version.passScore,
          left: enrollment.attemptsLeft ?? version.maxAttempts,
        })}
      </Typography.Paragraph>
      <ol className="pt-questions">
        {version.questions.map((q) => (
          <li key={q.id} data-testid={`quiz-question-${q.id}`} className="pt-question">
            <div className="pt-prompt">
              <Tag>{t(q.kind === QuestionKind.MULTIPLE ? 'quiz.multiple' : 'quiz.single')}</Tag>
              {q.prompt}
            </div>
            {q.kind === QuestionKind.MULTIPLE ? (
              <Checkbox.Group
                value={draft.answers[q.id] ?? []}
                onChange={(v) => draft.choose(q.id, v.map(String))}
                className="pt-options"
              >
                {q.options.map((o) => (
                  <Checkbox key={o.id} value={o.id} data-testid={`quiz-option-${q.id}-${o.id}`}>
                    {o.text}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            ) : (
              <Radio.Group
                value={draft.answers[q.id]?.[0]}
                onChange={(e) => draft.choose(q.id, [String(e.target.value)])}
                className="pt-options"
              >
                {q.options.map((o) => (
                  <Radio key={o.id} value={o.id} data-testid={`quiz-option-${q.id}-${o.id}`}>
                    {o.text}
                  </Radio>
                ))}
              </Radio.Group>
            )}
          </li>
        ))}
      </ol>
      {draft.pending && !error && (
        <Alert
          type="warning"
          showIcon
          title={t('quiz.pending')}
          style={{ marginBottom: 12 }}
          data-testid="quiz-pending"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="quiz-error" />}
      <Flex vertical gap={6}>
        {unanswered > 0 && (
          <Typography.Text type="secondary">{t('quiz.unanswered', { count: unanswered })}</Typography.Text>
        )}
        <Button
          type="primary"
          size="large"
          block
          disabled={unanswered > 0}
          loading={submitting.loading}
          onClick={() => void send()}
          data-testid="quiz-submit"
        >
          {t(draft.pending ? 'quiz.retry' : 'quiz.submit')}
        </Button>
      </Flex>
    </Card>
  );
}
