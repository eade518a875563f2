import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Flex, Input, Select } from 'antd';
import { useSearchParams } from 'react-router';

/**
 * A list's filters live in the URL, so back from a detail page lands on the same search and a
 * filtered list can be linked. Setting one replaces the history entry instead of adding to it.
 *
 * A change starts from the address bar as it is when the change applies, not from the params this render read:
 * the router applies a new URL to the screen in a React transition, which lags behind under load, and a filter
 * picked in that gap would otherwise start from the URL before the previous pick and drop it.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const setFilters = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const setFilter = (key: string, value: string | undefined) => setFilters({ [key]: value });
  return { params, setFilter, setFilters };
}

interface SearchProps {
  /** The applied search (from the URL) */
  value: string;
  /** Called with the trimmed text on Enter or the button; undefined when cleared */
  onSearch: (value: string | undefined) => void;
  placeholder: string;
  testId: string;
  maxWidth?: number;
}

/** The list's text search: typed freely, applied on Enter; shows the URL's search again after back/forward. */
export function SearchFilter({ value, onSearch, placeholder, testId, maxWidth = 320 }: SearchProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <Input.Search
      allowClear
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(text) => onSearch(text.trim() || undefined)}
      placeholder={placeholder}
      // the placeholder says what is searched; it is the field's name too once text is typed
      aria-label={placeholder}
      style={{ maxWidth }}
      data-testid={testId}
    />
  );
}

type SetFilter = (key: string, value: string | undefined) => void;

/** The bar's `setFilter`, so each filter in it writes its own key to the URL. */
const SetFilterContext = createContext<SetFilter | null>(null);

interface BarProps {
  /** `useUrlFilters`' `setFilter`: every filter in the bar writes through it */
  setFilter: SetFilter;
  /** The search's placeholder, and its name */
  placeholder: string;
  /** data-testid of the search */
  testId: string;
  searchWidth?: number;
  align?: 'center';
  /** The list's other filters: `ChoiceFilter`s, pickers */
  children?: ReactNode;
}

/** A list's filter row, kept in the URL: the text search (`q`) first, then the list's own filters. */
export function FilterBar({ setFilter, placeholder, testId, searchWidth, align, children }: BarProps) {
  const [params] = useSearchParams();
  return (
    <SetFilterContext.Provider value={setFilter}>
      <Flex gap={12} wrap align={align} style={{ marginBottom: 16 }}>
        <SearchFilter
          value={params.get('q') ?? ''}
          onSearch={(value) => setFilter('q', value)}
          placeholder={placeholder}
          testId={testId}
          maxWidth={searchWidth}
        />
        {children}
      </Flex>
    </SetFilterContext.Provider>
  );
}

interface ChoiceProps<V extends string | number> {
  /** The URL key the choice is kept under */
  name: string;
  value: V | undefined;
  options: ReadonlyArray<{ value: V; label: string }>;
  /** Says "all" or "any": what the list shows with nothing chosen */
  placeholder: string;
  width: number;
  testId?: string;
  loading?: boolean;
}

/** One value of a list's filter bar picked from a few, cleared to show all; kept in the URL under `name`. */
export function ChoiceFilter<V extends string | number>({
  name,
  value,
  options,
  placeholder,
  width,
  testId,
  loading,
}: ChoiceProps<V>) {
  const setFilter = useContext(SetFilterContext);
  if (!setFilter) throw new Error('ChoiceFilter stands in a FilterBar');
  return (
    <Select<V>
      allowClear
      value={value}
      onChange={(chosen?: V) => setFilter(name, chosen === undefined ? undefined : String(chosen))}
      placeholder={placeholder}
      style={{ width }}
      loading={loading}
      options={options as Array<{ value: V; label: string }>}
      data-testid={testId}
    />
  );
}
