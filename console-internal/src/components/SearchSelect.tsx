import type { CSSProperties } from 'react';
import { Select } from 'antd';

interface Props {
  /** the form field's id (Form.Item passes it), so the field's label names the select */
  id?: string;
  value?: string;
  /** what the server found for the text typed (and the chosen one, when the page knows it) */
  options: Array<{ value: string; label: string }>;
  loading: boolean;
  /** the text typed; cleared again once something is picked */
  onSearch: (text: string) => void;
  onChange?: (id: string | undefined, label?: string) => void;
  placeholder: string;
  testId: string;
  style?: CSSProperties;
  disabled?: boolean;
}

/** One record picked from a list the server searches (distributors, hospitals: too many to send them all). */
export function SearchSelect({
  id,
  value,
  options,
  loading,
  onSearch,
  onChange,
  placeholder,
  testId,
  style,
  disabled,
}: Props) {
  return (
    <Select
      id={id}
      allowClear
      showSearch
      filterOption={false}
      value={value}
      onSearch={onSearch}
      onChange={(id, option) => {
        onSearch('');
        onChange?.(id, option && !Array.isArray(option) ? String(option.label) : undefined);
      }}
      loading={loading}
      disabled={disabled}
      placeholder={placeholder}
      style={style}
      options={options}
      data-testid={testId}
    />
  );
}
