import { App } from 'antd';
import { OverlapDeclined } from '@medchannel/web-shared/visits';
import { useCodedError, type CodedFailure } from '@medchannel/web-shared/kernel';

const RELOAD = ['CoVisit', 'MyCoVisits'];

/**
 * Runs a move with the version seen and says it is done (`done`); a refusal becomes the page's failure (a stale page
 * reloads).
 */
export function useMove(onFailure: (f: CodedFailure | null) => void) {
  const explain = useCodedError({ prefix: 'visitError', reload: RELOAD });
  const { message } = App.useApp();
  return async (run: () => Promise<unknown>, done: string): Promise<boolean> => {
    onFailure(null);
    try {
      await run();
      void message.success(done);
      return true;
    } catch (error) {
      // the user saw the time clash and went back: nothing was sent that failed
      if (!(error instanceof OverlapDeclined)) onFailure(explain(error));
      return false;
    }
  };
}
