import { createContext, useContext } from 'react';

/** How a background failure (e.g. saving the language) is told to the user. */
export type ShowError = (text: string) => void;

// antd's static message, loaded on demand so the first load does not carry it. An app that
// wraps itself in antd's <App> provides App.useApp().message instead (themed, in context).
const onDemand: ShowError = (text) => {
  void import('antd/es/message').then(({ default: message }) => message.error(text));
};

const ErrorNoticeContext = createContext<ShowError>(onDemand);

export const ErrorNoticeProvider = ErrorNoticeContext.Provider;

export function useErrorNotice(): ShowError {
  return useContext(ErrorNoticeContext);
}
