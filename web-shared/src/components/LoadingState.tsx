import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** Kept apart from the other states: it is the only one the first load needs. */
export function LoadingState({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: fullPage ? '100vh' : 240 }} data-testid="loading">
      <Spin size="large" description={t('state.loading')} />
    </Flex>
  );
}
