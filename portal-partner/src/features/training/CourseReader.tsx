import { useState } from 'react';
import { Button, Card, Flex, Progress, Typography } from 'antd';
import { CheckCircleFilled, DownOutlined, UpOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { BottomBar } from '../../components/BottomBar';
import { CompleteCourseSectionDocument } from '../../gql/graphql';
import type { MyEnrollment, Version } from './CoursePage';
import { MaterialView } from './MaterialView';
import { QuizStep } from './QuizStep';
import { useCodedError } from '@medchannel/web-shared/kernel';
import { TRAINING_ERRORS } from './trainingErrors';

/**
 * A started course: one section at a time ("学完本节" marks it done on the server and moves on),
 * the outline to jump back, and after the last section the quiz. Step `sections.length` is the quiz.
 */
export function CourseReader({ enrollment, version }: { enrollment: MyEnrollment; version: Version }) {
  const { t } = useTranslation();
  const explain = useCodedError(TRAINING_ERRORS);
  const sections = version.sections;
  const done = new Set(enrollment.sectionsDone);
  const allDone = sections.every((s) => done.has(s.id));
  const firstOpen = sections.findIndex((s) => !done.has(s.id));
  const [step, setStep] = useState(firstOpen < 0 ? sections.length : firstOpen);
  // On a phone the outline would push the section below the fold: folded unless asked for.
  const [outline, setOutline] = useState(false);
  const [complete, completing] = useMutation(CompleteCourseSectionDocument);
  const quizStep = step >= sections.length;
  const section = quizStep ? null : sections[step];

  const next = async () => {
    if (!section) return;
    if (!done.has(section.id)) {
      try {
        await complete({ variables: { enrollmentId: enrollment.id, sectionId: section.id } });
      } catch {
        return; // shown below the section
      }
    }
    setStep(step + 1);
    window.scrollTo({ top: 0 });
  };

  const goTo = (i: number) => {
    setStep(i);
    setOutline(false);
  };

  return (
    <>
      <Card size="small">
        <div className="pp-row-head">
          <Typography.Text strong>{t('course.progress')}</Typography.Text>
          <span className="pp-muted" data-testid="course-progress" data-done={done.size} data-total={sections.length}>
            {t('course.progressText', { done: done.size, total: sections.length })}
          </span>
        </div>
        <Progress
          percent={sections.length ? Math.round((100 * done.size) / sections.length) : 0}
          showInfo={false}
          size="small"
        />
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0 }}
          onClick={() => setOutline(!outline)}
          aria-expanded={outline}
          data-testid="course-outline-toggle"
        >
          {t('course.outline')} {outline ? <UpOutlined /> : <DownOutlined />}
        </Button>
        <ol className="pt-outline pt-steps" data-testid="course-outline" hidden={!outline}>
          {sections.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className={i === step ? 'pt-step pt-step-current' : 'pt-step'}
                onClick={() => goTo(i)}
                data-testid={`outline-${s.id}`}
              >
                <span>{s.title}</span>
                {done.has(s.id) && <CheckCircleFilled className="pt-check" aria-label={t('course.done')} />}
              </button>
            </li>
          ))}
          {version.questions.length > 0 && (
            <li>
              <button
                type="button"
                className={quizStep ? 'pt-step pt-step-current' : 'pt-step'}
                disabled={!allDone}
                onClick={() => goTo(sections.length)}
                data-testid="outline-quiz"
              >
                <span>{t('course.quiz')}</span>
              </button>
            </li>
          )}
        </ol>
      </Card>
      {section && (
        <>
          <Card
            size="small"
            title={section.title}
            extra={<span className="pp-muted">{t('course.sectionOf', { n: step + 1, total: sections.length })}</span>}
            data-testid="course-section"
            data-section={section.id}
          >
            <Flex vertical gap={16}>
              {section.materials.map((m, i) => (
                <MaterialView key={i} material={m} />
              ))}
            </Flex>
            {completing.error && (
              <Typography.Paragraph
                type="danger"
                style={{ marginTop: 12, marginBottom: 0 }}
                data-testid="section-error"
              >
                {explain(completing.error).message}
              </Typography.Paragraph>
            )}
          </Card>
          <BottomBar
            testId="section-bar"
            summary={<span className="pp-muted">{t('course.sectionOf', { n: step + 1, total: sections.length })}</span>}
            action={
              <Flex gap={8}>
                {step > 0 && (
                  <Button size="large" onClick={() => setStep(step - 1)} data-testid="section-prev">
                    {t('course.prev')}
                  </Button>
                )}
                <Button
                  type="primary"
                  size="large"
                  loading={completing.loading}
                  onClick={() => void next()}
                  data-testid="section-next"
                >
                  {done.has(section.id)
                    ? t(step + 1 < sections.length ? 'course.next' : 'course.toQuiz')
                    : t(step + 1 < sections.length ? 'course.markDone' : 'course.markDoneLast')}
                </Button>
              </Flex>
            }
          />
        </>
      )}
      {quizStep && allDone && <QuizStep enrollment={enrollment} version={version} />}
    </>
  );
}
