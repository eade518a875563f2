import type { ReactNode } from 'react';

/** A bar fixed above the tab bar (at the bottom on a desktop): a summary, and the next step's button under the thumb. */
export function BottomBar({ summary, action, testId }: { summary: ReactNode; action: ReactNode; testId: string }) {
  return (
    <>
      <div className="pp-bar-spacer" />
      <div className="pp-bar" data-testid={testId}>
        <div className="pp-bar-sum">{summary}</div>
        {action}
      </div>
    </>
  );
}
