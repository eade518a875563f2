import { useState } from 'react';
import { Button, Card, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import type { HospitalDepartmentRowFragment } from '../../gql/graphql';
import { DepartmentModal } from './DepartmentModal';

type Dept = HospitalDepartmentRowFragment;

/** 科室 with their yearly surgery or test volume; added and edited here by those who keep hospitals. */
export function DepartmentsCard({
  hospitalId,
  departments,
  canEdit,
}: {
  hospitalId: string;
  departments: Dept[];
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<{ department?: Dept } | null>(null);
  return (
    <Card
      title={t('hospital.departments')}
      style={{ marginBottom: 16 }}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('hospital.addDepartment')}
          </Button>
        )
      }
    >
      {departments.length === 0 ? (
        <EmptyState title={t('hospital.noDepartments')} />
      ) : (
        <Table<Dept>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={departments}
          data-testid="hospital-departments"
          columns={[
            { title: t('hospital.department'), dataIndex: 'name' },
            {
              title: t('hospital.yearlyVolume'),
              key: 'volume',
              render: (_, d) =>
                d.yearlyVolume != null
                  ? `${format.number(d.yearlyVolume)} ${d.volumeKind ? t(`volumeKind.${d.volumeKind}`) : ''}`
                  : '—',
            },
            ...(canEdit
              ? [
                  {
                    key: 'edit',
                    width: 80,
                    render: (_: unknown, d: Dept) => (
                      <Button size="small" type="link" onClick={() => setEditing({ department: d })}>
                        {t('hospital.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <DepartmentModal
        hospitalId={hospitalId}
        department={editing?.department}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
