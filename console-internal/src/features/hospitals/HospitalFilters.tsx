import { useTranslation } from 'react-i18next';
import { HospitalCoverage, HospitalGrade } from '@medchannel/shared-schema';
import { ChoiceFilter, FilterBar } from '@medchannel/web-shared/components';
import { RegionSelect } from '../../components/RegionSelect';

interface Props {
  regionId: string | undefined;
  grade: HospitalGrade | undefined;
  coverage: HospitalCoverage | undefined;
  setFilter: (name: string, value: string | undefined) => void;
}

/** The hospitals list's filters, each kept in the URL: name or address, region (a province holds its cities), grade, coverage. */
export function HospitalFilters({ regionId, grade, coverage, setFilter }: Props) {
  const { t } = useTranslation();
  return (
    <FilterBar setFilter={setFilter} placeholder={t('hospital.searchPlaceholder')} testId="hospital-search">
      <RegionSelect
        value={regionId}
        onChange={(value) => setFilter('region', value)}
        placeholder={t('hospital.allRegions')}
        style={{ width: 180 }}
        data-testid="hospital-region"
      />
      <ChoiceFilter
        name="grade"
        value={grade}
        placeholder={t('hospital.allGrades')}
        width={140}
        options={Object.values(HospitalGrade).map((g) => ({ value: g, label: t(`grade.${g}`) }))}
        testId="hospital-grade"
      />
      <ChoiceFilter
        name="coverage"
        value={coverage}
        placeholder={t('hospital.anyCoverage')}
        width={160}
        options={Object.values(HospitalCoverage).map((c) => ({ value: c, label: t(`hospital.coverage.${c}`) }))}
        testId="hospital-coverage"
      />
    </FilterBar>
  );
}
