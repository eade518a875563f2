import { useEffect, useRef, useState } from 'react';
import { AutoComplete, Flex, Input, Spin, Typography, type GetRef } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { GLOBAL_SEARCH_MAX_LENGTH, GLOBAL_SEARCH_MIN_LENGTH } from '@medchannel/shared-schema';
import { useGlobalSearch } from './useGlobalSearch';
import type { SearchGroup } from './searchGroups';
import './strings';

/** / or Ctrl+K (⌘K) anywhere but in a field brings the search box into focus. */
function useFocusKeys(focus: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = !!target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable);
      if (((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') || (e.key === '/' && !typing)) {
        e.preventDefault();
        focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [focus]);
}

function Hit({ title, detail }: { title: string; detail: string }) {
  return (
    <Flex vertical style={{ minWidth: 0 }}>
      <Typography.Text ellipsis>{title}</Typography.Text>
      {detail && (
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
          {detail}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The top bar's search: grouped by kind, each record opening its page, each kind its list on the same text. */
export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const box = useRef<GetRef<typeof AutoComplete>>(null);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const search = useGlobalSearch(typed);
  useFocusKeys(() => box.current?.focus());

  const options = search.groups.map((g: SearchGroup) => ({
    label: <span data-testid={`search-group-${g.kind}`}>{t(`search.kind.${g.kind}`)}</span>,
    title: t(`search.kind.${g.kind}`),
    options: [
      ...g.hits.map((h) => ({ value: h.path, label: <Hit title={h.title} detail={h.detail} /> })),
      ...(g.totalCount > g.hits.length
        ? [
            {
              value: g.allPath,
              label: <Typography.Link>{t('search.seeAll', { count: g.totalCount })}</Typography.Link>,
            },
          ]
        : []),
    ],
  }));
  const status = !typed.trim() ? null : !search.ready ? (
    t('search.tooShort', { min: GLOBAL_SEARCH_MIN_LENGTH })
  ) : search.loading ? (
    <Flex gap={8} align="center">
      <Spin size="small" /> {t('search.loading')}
    </Flex>
  ) : search.failed ? (
    t('search.failed')
  ) : options.length === 0 ? (
    t('search.none', { text: search.text })
  ) : null;

  return (
    <AutoComplete
      ref={box}
      value={typed}
      options={options}
      open={open && (options.length > 0 || status !== null)}
      onOpenChange={setOpen}
      showSearch={{ filterOption: false }}
      onSearch={(value) => {
        setTyped(value);
        setOpen(true);
      }}
      onSelect={(path: string) => {
        setTyped('');
        setOpen(false);
        box.current?.blur();
        void navigate(path);
      }}
      notFoundContent={<span data-testid="search-status">{status}</span>}
      defaultActiveFirstOption
      popupMatchSelectWidth={440}
      listHeight={420}
      style={{ width: 360 }}
      data-testid="global-search"
    >
      <Input
        prefix={<SearchOutlined />}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        maxLength={GLOBAL_SEARCH_MAX_LENGTH}
        allowClear
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      />
    </AutoComplete>
  );
}
