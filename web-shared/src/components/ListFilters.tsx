import { useEffect, useState } from 'react';
import { Input } from 'antd';
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
