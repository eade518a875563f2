import { useState } from 'react';
import { Button, Card, Progress, Typography } from 'antd';
import { CheckCircleFilled, DownOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Version } from './CoursePage';

/** How far the course is, and its outline (folded unless asked for) to jump to a section or, once all are done, the quiz. */
export function CourseOutline({
  version,
  done,
  step,
  onGoTo,
}: {
  version: Version;
  done: Set<string>;
  step: number;
  onGoTo: (step: number) => void;
}) {
  const { t } = useTranslation();
  const sections = version.sections;
  const allDone = sections.every((s) => done.has(s.id));
  const quizStep = step >= sections.length;
  // On a phone the outline would push the section below the fold: folded unless asked for.
  const [outline, setOutline] = useState(false);
  const goTo = (i: number) => {
    onGoTo(i);
    setOutline(false);
  };
  return (
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
  );
}
