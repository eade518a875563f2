import { useState } from 'react';
import { Button, Card, Flex, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { BottomBar } from '../../components/BottomBar';
import { CompleteCourseSectionDocument } from '../../gql/graphql';
import type { MyEnrollment, Version } from './CoursePage';
import { CourseOutline } from './CourseOutline';
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

  return (
    <>
      <CourseOutline version={version} done={done} step={step} onGoTo={setStep} />
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
