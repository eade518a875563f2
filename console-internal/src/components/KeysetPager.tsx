import { useState, type ReactNode } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';

/**
 * Keyset paging for a server-paged list: the API pages by cursor, so the page keeps the cursors
 * it has seen. Cursors belong to one filter: a new filter starts again at page 1 in the same render.
 */
export function useKeysetPages(filterKey: string) {
  const [paging, setPaging] = useState<{ key: string; cursors: Array<string | null> }>({
    key: filterKey,
    cursors: [null],
  });
  const cursors = paging.key === filterKey ? paging.cursors : [null];
  const pageIndex = cursors.length - 1;
  return {
    after: cursors[pageIndex],
    pageIndex,
    previous: () => setPaging({ key: filterKey, cursors: cursors.slice(0, -1) }),
    next: (endCursor: string | null) => setPaging({ key: filterKey, cursors: [...cursors, endCursor] }),
  };
}

interface PagerProps {
  pages: ReturnType<typeof useKeysetPages>;
  page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | undefined;
  loading: boolean;
  /** data-testid of the total, e.g. "hospital-total" */
  totalTestId: string;
  /** extra controls before previous/next, e.g. a page-size select */
  children?: ReactNode;
}

/** The list footer: the total, then previous / page n / next. */
export function KeysetPager({ pages, page, loading, totalTestId, children }: PagerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const total = page?.totalCount ?? 0;
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid={totalTestId}>
        {t('list.total', { count: total, formatted: format.number(total) })}
      </Typography.Text>
      <Space>
        {children}
        <Button
          size="small"
          icon={<LeftOutlined />}
          disabled={pages.pageIndex === 0 || loading}
          onClick={pages.previous}
        >
          {t('list.previous')}
        </Button>
        <Typography.Text>{t('list.page', { page: pages.pageIndex + 1 })}</Typography.Text>
        <Button
          size="small"
          disabled={!page?.pageInfo.hasNextPage || loading}
          onClick={() => pages.next(page?.pageInfo.endCursor ?? null)}
        >
          {t('list.next')} <RightOutlined />
        </Button>
      </Space>
    </Flex>
  );
}
