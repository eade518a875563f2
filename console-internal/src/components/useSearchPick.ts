import { useState } from 'react';

type Option = { value: string; label: string };

/**
 * A server-searched picker's own state: the text typed, and the label of the record picked, kept so
 * the chosen one still shows by name once a new search no longer finds it.
 */
export function useSearchPick(value: string | undefined, onChange?: (id: string | undefined, label?: string) => void) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  return {
    search,
    setSearch,
    /** The options found, with the chosen one first when they miss it (its label as picked, else `known`). */
    withChosen(found: Option[], known?: string): Option[] {
      const label = picked?.id === value ? picked?.label : known;
      return value && label && !found.some((o) => o.value === value) ? [{ value, label }, ...found] : found;
    },
    onChange(id: string | undefined, label?: string) {
      setPicked(id && label ? { id, label } : null);
      onChange?.(id, label);
    },
  };
}
