import type { ReactNode } from 'react';
import { Button, Card } from 'antd';
import { FailureAlert } from '@medchannel/web-shared/kernel';
import { useExitStep, type ExitStep } from './useExitStep';

/**
 * A card of the plan's that one confirmed step acts on (settle, hand over): the step's button at its
 * top right for who may take it now, its failure above what the card shows.
 */
export function ExitStepCard({
  title,
  step,
  may,
  testIds: [card, run, failure],
  children,
}: {
  title: string;
  step: ExitStep;
  may: boolean;
  /** the card's, its button's and its failure's data-testid */
  testIds: readonly [string, string, string];
  children: ReactNode;
}) {
  const { run: ask, busy, failure: failed } = useExitStep(step);
  return (
    <Card
      title={title}
      data-testid={card}
      extra={
        may && (
          <Button type="primary" loading={busy} onClick={ask} data-testid={run}>
            {step.action}
          </Button>
        )
      }
    >
      <FailureAlert failure={failed} testId={failure} style={{ marginBottom: 12 }} />
      {children}
    </Card>
  );
}
