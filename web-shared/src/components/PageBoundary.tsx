import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isChunkLoadError } from '../app/retrying-lazy';

/** What a page whose code did not arrive shows, inside the shell: Retry fetches it again, Reload the whole app. */
export function PageLoadFailed({ onRetry }: { onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="warning"
      title={t('state.pageLoadFailedTitle')}
      subTitle={<span data-testid="error-message">{t('state.pageLoadFailed')}</span>}
      data-testid="page-load-failed"
      extra={[
        onRetry && (
          <Button key="retry" type="primary" onClick={onRetry} data-testid="page-retry">
            {t('action.retry')}
          </Button>
        ),
        <Button key="reload" onClick={() => window.location.reload()} data-testid="page-reload">
          {t('action.reload')}
        </Button>,
      ]}
    />
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
