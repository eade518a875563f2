import { useState } from 'react';
import { Button, Segmented, Space } from 'antd';
import {
  AppstoreOutlined,
  FieldTimeOutlined,
  DownloadOutlined,
  ImportOutlined,
  PlusOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { can } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { PipelineBoard } from './PipelineBoard';
import { NewProspectModal } from './NewProspectModal';
import { useDistributorList } from './useDistributorList';
import { DistributorsTable } from './DistributorsTable';
import './strings';

/** The distributors: a server-paged list or the pipeline board, with export, import and a new prospect. */
export default function DistributorsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const state = useDistributorList();
  const { view, setFilter, exporting, exportList } = state;
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('nav.distributors')}
        subtitle={t('distributor.listSubtitle')}
        extra={
          <Space wrap>
            <Segmented
              value={view}
              onChange={(value) => setFilter('view', value === 'board' ? 'board' : undefined)}
              data-testid="distributor-view"
              options={[
                { value: 'list', label: t('distributor.viewList'), icon: <UnorderedListOutlined /> },
                { value: 'board', label: t('distributor.viewBoard'), icon: <AppstoreOutlined /> },
              ]}
            />
            <Button icon={<FieldTimeOutlined />} onClick={() => void navigate('/distributors/expiring')}>
              {t('expiring.title')}
            </Button>
            {can(user.role, 'distributor.manage') && (
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void exportList()}
                data-testid="distributor-export"
              >
                {t('import.export')}
              </Button>
            )}
            {can(user.role, 'distributor.manage') && (
              <Button icon={<ImportOutlined />} onClick={() => void navigate('/import?kind=distributors')}>
                {t('nav.import')}
              </Button>
            )}
            {can(user.role, 'distributor.manage') && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                data-testid="prospect-open"
              >
                {t('prospect.open')}
              </Button>
            )}
          </Space>
        }
      />
      <NewProspectModal open={creating} onClose={() => setCreating(false)} />
      {view === 'board' ? <PipelineBoard /> : <DistributorsTable state={state} />}
    </>
  );
}
