import type { ReactNode } from 'react';
import { Button } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';

/** A detail page's way back to its list, above everything else the page shows. */
export function BackLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <Link to={to} data-testid={testId}>
      <Button type="text" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {children}
      </Button>
    </Link>
  );
}

/**
 * What a detail page shows before its record is there: the failure (with the way back and a retry)
 * or the loading state. Render it while `query.data` is missing.
 */
export function DetailPending({
  query,
  back,
}: {
  query: { error?: unknown; refetch: () => unknown };
  back: ReactNode;
}) {
  if (!query.error) return <LoadingState />;
  return (
    <>
      {back}
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    </>
  );
}
