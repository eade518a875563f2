import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { SearchSelect } from '../../components/SearchSelect';
import { AuditPeopleDocument } from '../../gql/graphql';

/** Finds a person (the brand's or a distributor's, as the viewer may see them) by name or e-mail on the server. */
export function PersonPicker({ value, onChange }: { value?: string; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const { data, previousData, loading } = useQuery(AuditPeopleDocument, { variables: { search: search || undefined } });
  const people = (data ?? previousData)?.users.nodes ?? [];
  return (
    <SearchSelect
      value={value}
      options={people.map((p) => ({ value: p.id, label: `${p.displayName} · ${t(`audit.side${p.side}`)}` }))}
      loading={loading}
      onSearch={setSearch}
      onChange={(id) => onChange(id)}
      placeholder={t('audit.allPeople')}
      testId="audit-person"
      style={{ width: 200 }}
    />
  );
}
