import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Person } from './people';

interface Props {
  /** From the form item, so its label names the picker */
  id?: string;
  people: readonly Person[];
  value?: string[];
  onChange?: (ids: string[]) => void;
  placeholder: string;
  testId: string;
  loading?: boolean;
  disabled?: boolean;
}

/** Several people by name, each with their role, searchable by name. */
export function PeopleSelect({ id, people, value, onChange, placeholder, testId, loading, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      optionFilterProp="label"
      value={value}
      onChange={onChange}
      loading={loading}
      disabled={disabled}
      placeholder={placeholder}
      options={people.map((p) => ({ value: p.id, label: `${p.displayName} · ${t(`role.${p.role}`)}` }))}
      data-testid={testId}
    />
  );
}
