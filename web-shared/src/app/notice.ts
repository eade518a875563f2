import { createContext, useContext } from 'react';

type Say = (text: string) => void;

/** How a passing word after an action is told: "uploaded", "saved", or why it failed. */
export interface Feedback {
  success: Say;
  error: Say;
}

// antd's static message, loaded on demand so the first load does not carry it (the portal). An
// app that wraps itself in antd's <App> provides App.useApp().message instead (themed, in context):
// outside that <App>, App.useApp() answers empty objects, so screens never call it themselves.
const onDemand =
  (kind: keyof Feedback): Say =>
  (text) => {
    void import('antd/es/message').then(({ default: message }) => message[kind](text));
  };

const FeedbackContext = createContext<Feedback>({ success: onDemand('success'), error: onDemand('error') });

export const FeedbackProvider = FeedbackContext.Provider;

export function useFeedback(): Feedback {
  return useContext(FeedbackContext);
}
