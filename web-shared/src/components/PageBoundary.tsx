import { Component, type ReactNode } from 'react';
import { Button, Flex } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isChunkLoadError, resetFailedChunks } from '../app/retrying-lazy';

/** What a page whose code did not arrive shows, inside the shell: Retry fetches it again, Reload the whole app. */
export function PageLoadFailed({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  // Plain markup and a Button, which the shell already has: no more weight in the first load.
  return (
    <Flex
      vertical
      align="center"
      gap={12}
      style={{ padding: '48px 16px', textAlign: 'center' }}
      role="alert"
      data-testid="page-load-failed"
    >
      <WarningFilled style={{ fontSize: 48, color: '#faad14' }} />
      <div style={{ fontSize: 20, color: 'rgba(0,0,0,0.88)' }}>{t('state.pageLoadFailedTitle')}</div>
      <div style={{ color: 'rgba(0,0,0,0.45)', maxWidth: 420 }} data-testid="error-message">
        {t('state.pageLoadFailed')}
      </div>
      <Flex gap={8} wrap justify="center">
        {onRetry && (
          <Button type="primary" onClick={onRetry} data-testid="page-retry">
            {t('action.retry')}
          </Button>
        )}
        <Button onClick={() => window.location.reload()} data-testid="page-reload">
          {t('action.reload')}
        </Button>
      </Flex>
    </Flex>
  );
}

interface Props {
  children: ReactNode;
  /** where the user is: a change (navigating away, or to another tab) clears the error */
  resetKey: string;
}

/**
 * Around every page, inside the shell: a page (or a tab of it) whose code could not be fetched
 * shows PageLoadFailed in place of the page, with the menu and header still there. Other errors go
 * on to the route's boundary. Navigating (a new resetKey) clears the error without remounting the page.
 */
export class PageBoundary extends Component<Props, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown) {
    // The failure is on screen: the failed pages may fetch again when next rendered (Retry, or navigating).
    if (isChunkLoadError(error)) resetFailedChunks();
  }

  componentDidUpdate(previous: Props) {
    if (previous.resetKey !== this.props.resetKey && this.state.error != null) this.setState({ error: null });
  }

  private retry = () => this.setState({ error: null });

  render() {
    const { error } = this.state;
    if (error == null) return this.props.children;
    if (!isChunkLoadError(error)) throw error;
    return <PageLoadFailed onRetry={this.retry} />;
  }
}
