import { useState } from 'react';
import { App } from 'antd';
import { useCodedError, type CodedFailure } from '@medchannel/web-shared/kernel';

/** A step's mutation sent, the question asked first, the button's words and what is said once it is done. */
export interface ExitStep {
  send: () => Promise<unknown>;
  confirm: string;
  action: string;
  done: string;
}

/** One confirmed step of a plan (hand over, settle): asks first, sends once, keeps the coded failure to show. */
export function useExitStep({ send, confirm, action, done }: ExitStep) {
  const { modal, message } = App.useApp();
  const explain = useCodedError({ prefix: 'exit.error', reload: ['ExitPlan'] });
  const [failure, setFailure] = useState<CodedFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const run = () =>
    modal.confirm({
      title: confirm,
      okText: action,
      onOk: async () => {
        setBusy(true);
        setFailure(null);
        try {
          await send();
          void message.success(done);
        } catch (error) {
          setFailure(explain(error));
        } finally {
          setBusy(false);
        }
      },
    });
  return { run, failure, busy };
}
