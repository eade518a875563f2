import { useEffect, useState, type ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider, type createBrowserRouter } from 'react-router';
import { Locale } from '@medchannel/shared-schema';
import { i18n } from './i18n';
import { antdLocaleOf } from './antdLocale';
import { LANGUAGE, localeOfLanguage } from './locale';

const DAYJS_LOCALE = { [Locale.ZH_CN]: 'zh-cn', [Locale.EN]: 'en' };

/** antd's texts and dayjs follow the i18next language. */
function useLocaleFromI18n(): Locale {
  const [locale, setLocale] = useState(() => localeOfLanguage(i18n.language));
  useEffect(() => {
    const onChange = (lng: string) => setLocale(localeOfLanguage(lng));
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  useEffect(() => {
    dayjs.locale(DAYJS_LOCALE[locale]);
  }, [locale]);
  return locale;
}

export interface WebAppProps {
  client: ApolloClient;
  router: ReturnType<typeof createBrowserRouter>;
  /**
   * Wraps what sits inside the theme, around Apollo and the router. The console puts antd's <App>
   * here; the portal does not, to keep message/modal/notification out of its first load.
   */
  wrap?: (children: ReactNode) => ReactNode;
  /** The app's own theme tokens over the shared ones (the portal's are sized for a thumb). */
  theme?: ThemeConfig;
}

const SHARED_TOKENS = { colorPrimary: '#1565c0', borderRadius: 6 };

/** i18n, antd theme and locale, Apollo and the router: the same frame for both apps. */
export function WebApp({ client, router, wrap = (children) => children, theme }: WebAppProps) {
  const locale = useLocaleFromI18n();
  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={antdLocaleOf(LANGUAGE[locale])}
        theme={{ ...theme, token: { ...SHARED_TOKENS, ...theme?.token } }}
      >
        {wrap(
          <ApolloProvider client={client}>
            <RouterProvider router={router} />
          </ApolloProvider>,
        )}
      </ConfigProvider>
    </I18nextProvider>
  );
}
