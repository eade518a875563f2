import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Locale } from '@medchannel/shared-schema';
import { localeOfLanguage } from '../app/locale';
import { useSession } from '../app/session';
import { errorMessage } from '../app/errors';
import { useFeedback } from '../app/notice';

/** 中文 / EN. Signed in, the choice is saved on the user (setMyLocale); before, in the browser. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  const { setLocale } = useSession();
  const showError = useFeedback().error;
  const current = localeOfLanguage(i18n.language);
  return (
    <Segmented<Locale>
      size={size}
      data-testid="language-switch"
      aria-label={t('language.label')}
      value={current}
      options={[
        { label: '中文', value: Locale.ZH_CN },
        { label: 'EN', value: Locale.EN },
      ]}
      onChange={(locale) => {
        // The language changed here already; only saving it failed.
        setLocale(locale).catch((error: unknown) => showError(errorMessage(t, error)));
      }}
    />
  );
}
