import { Button, Select } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can, Side } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { FilterBar } from '@medchannel/web-shared/components';
import { DistributorPicker } from '../../../components/DistributorPicker';
import { DateRangeFilter } from '../../../components/DateRangeFilter';
import { HospitalPicker } from '../../../components/HospitalPicker';
import { useVisitPeople } from '../pickers/people';
import type { NoteFilter } from './NotesChunk';

/** The notes list's filters (each kept in the URL), and the button to write one. */
export function NotesFilters({
  filter,
  setFilter,
}: {
  filter: NoteFilter;
  setFilter: (key: string, value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const people = useVisitPeople(undefined);
  const authors = [
    ...people.colleagues,
    ...(people.colleagues.length
      ? [{ id: user.id, displayName: user.displayName, role: user.role, side: Side.BRAND, regions: [] }]
      : []),
  ];

  return (
    <FilterBar setFilter={setFilter} placeholder={t('note.searchPlaceholder')} testId="notes-search" searchWidth={240}>
      <HospitalPicker
        value={filter.hospitalId}
        onChange={(id) => setFilter('hospital', id)}
        placeholder={t('note.allHospitals')}
        testId="notes-hospital"
        style={{ width: 200 }}
      />
      <DistributorPicker
        value={filter.distributorId}
        onChange={(id) => setFilter('distributor', id)}
        placeholder={t('note.allDistributors')}
        testId="notes-distributor"
      />
      {!people.denied && (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          value={filter.authorId}
          onChange={(id?: string) => setFilter('author', id)}
          placeholder={t('note.allAuthors')}
          style={{ width: 160 }}
          options={authors.map((p) => ({ value: p.id, label: p.displayName }))}
          data-testid="notes-author"
        />
      )}
      <DateRangeFilter testId="notes-dates" />
      {can(user.role, 'visit.writeNote') && (
        <Button
          type="primary"
          icon={<EditOutlined />}
          onClick={() => void navigate('/visits/notes/write')}
          style={{ marginInlineStart: 'auto' }}
          data-testid="notes-write"
        >
          {t('note.write')}
        </Button>
      )}
    </FilterBar>
  );
}
