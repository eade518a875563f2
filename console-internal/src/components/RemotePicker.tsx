import type { CSSProperties } from 'react';
import { useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { SearchSelect } from './SearchSelect';
import { useSearchPick } from './useSearchPick';

/** What a page hands a picker of one record the server searches. */
export interface PickerProps {
  /** the form field's id (Form.Item passes it), so the field's label names the select */
  id?: string;
  value?: string;
  onChange?: (id: string | undefined, label?: string) => void;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
  disabled?: boolean;
}

type Option = { value: string; label: string };

/**
 * Finds one record by the text typed, with `query` (its `$search` the text), and keeps the chosen one
 * shown by name once a new search no longer finds it: the hospital and product pickers are this with their query.
 */
export function RemotePicker<Data>({
  query,
  toOptions,
  chosenLabel,
  value,
  onChange,
  style = { width: '100%' },
  ...select
}: PickerProps & {
  query: TypedDocumentNode<Data, { search?: string | null }>;
  /** the records found, as options */
  toOptions: (data: Data) => Option[];
  /** The chosen record's label, when the page knows it (a URL filter, a co-visit's hospital) */
  chosenLabel?: string;
}) {
  const pick = useSearchPick(value, onChange);
  const { data, previousData, loading } = useQuery(query, { variables: { search: pick.search || undefined } });
  const shown = data ?? previousData;
  return (
    <SearchSelect
      {...select}
      value={value}
      options={pick.withChosen(shown ? toOptions(shown) : [], chosenLabel)}
      loading={loading}
      onSearch={pick.setSearch}
      onChange={pick.onChange}
      style={style}
    />
  );
}
