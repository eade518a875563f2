import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStatementDownloads } from '@medchannel/web-shared/finance';
import type { PartnerStatementFragment } from '../../gql/graphql';

/** The statement as the API renders it (PDF to print and stamp, Excel to check against the books). */
export function DownloadButtons({ statement }: { statement: PartnerStatementFragment }) {
  const { t } = useTranslation();
  const { buttons, failed } = useStatementDownloads(statement, 'portal');
  return (
    <Card size="small" title={t('statement.download')}>
      <Flex gap={8} className="pa-actions">
        {buttons}
      </Flex>
      {failed && (
        <Typography.Text
          type="danger"
          style={{ display: 'block', marginTop: 8 }}
          data-testid="statement-download-error"
        >
          {t('statement.downloadFailed')}
        </Typography.Text>
      )}
    </Card>
  );
}
