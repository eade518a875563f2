import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { Locale } from '@medchannel/shared-schema';
import i18n from './i18n';
import { createApolloClient } from './apollo';
import { localeOfLanguage } from './locale';
import { router } from './router';

const client = createApolloClient('console');

const ANTD_LOCALE = { [Locale.ZH_CN]: zhCN, [Locale.EN]: enUS };
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

export function App() {
  const locale = useLocaleFromI18n();
  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider locale={ANTD_LOCALE[locale]} theme={{ token: { colorPrimary: '#1565c0', borderRadius: 6 } }}>
        <AntApp>
          <ApolloProvider client={client}>
            <RouterProvider router={router} />
          </ApolloProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
