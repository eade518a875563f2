import { useMemo, type ReactNode } from 'react';
import { App as AntApp } from 'antd';
import { createApolloClient, FeedbackProvider, WebApp } from '@medchannel/web-shared';
import { router } from './router';

const client = createApolloClient('console');

/** On the desktop console messages come from antd's <App>: themed and in context. */
function AntAppNotices({ children }: { children: ReactNode }) {
  const { message } = AntApp.useApp();
  const feedback = useMemo(
    () => ({
      success: (text: string) => void message.success(text),
      error: (text: string) => void message.error(text),
    }),
    [message],
  );
  return <FeedbackProvider value={feedback}>{children}</FeedbackProvider>;
}

const withAntApp = (children: ReactNode) => (
  <AntApp>
    <AntAppNotices>{children}</AntAppNotices>
  </AntApp>
);

export function App() {
  return <WebApp client={client} router={router} wrap={withAntApp} />;
}
