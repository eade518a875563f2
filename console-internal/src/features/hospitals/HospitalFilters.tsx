import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { HospitalCoverage, HospitalGrade } from '@medchannel/shared-schema';
import { SearchFilter } from '@medchannel/web-shared/components';
import { RegionSelect } from '../../components/RegionSelect';

interface Props {
  search: string;
  regionId: string | undefined;
  grade: HospitalGrade | undefined;
  coverage: HospitalCoverage | undefined;
  setFilter: (name: string, value: string | undefined) => void;
}

/** The hospitals list's filters, each kept in the URL: name or address, region (a province holds its cities), grade, coverage. */
export function HospitalFilters({ search, regionId, grade, coverage, setFilter }: Props) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <SearchFilter
        value={search}
        onSearch={(value) => setFilter('q', value)}
        placeholder={t('hospital.searchPlaceholder')}
        testId="hospital-search"
      />
      <RegionSelect
        value={regionId}
        onChange={(value) => setFilter('region', value)}
        placeholder={t('hospital.allRegions')}
        style={{ width: 180 }}
        data-testid="hospital-region"
      />
      <Select
        allowClear
        value={grade}
        onChange={(value) => setFilter('grade', value)}
        placeholder={t('hospital.allGrades')}
        style={{ width: 140 }}
        options={Object.values(HospitalGrade).map((g) => ({ value: g, label: t(`grade.${g}`) }))}
        data-testid="hospital-grade"
      />
      <Select
        allowClear
        value={coverage}
        onChange={(value) => setFilter('coverage', value)}
        placeholder={t('hospital.anyCoverage')}
        style={{ width: 160 }}
        options={Object.values(HospitalCoverage).map((c) => ({ value: c, label: t(`hospital.coverage.${c}`) }))}
        data-testid="hospital-coverage"
      />
    </Flex>
  );
}
