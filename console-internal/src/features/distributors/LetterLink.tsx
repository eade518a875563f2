import { useState } from 'react';
import { Button, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '@medchannel/web-shared/kernel';
import './strings';

/** A grant's authorization letter (授权书) as a PDF, with its verification code and QR; says so when it fails. */
export function LetterLink({ grantId }: { grantId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const download = async () => {
    setState('busy');
    const ok = await downloadFile(`/files/authorizations/${grantId}/letter.pdf`, 'console', t('letter.file'));
    setState(ok ? 'idle' : 'failed');
  };
  return (
    <>
      <Button size="small" type="link" icon={<FilePdfOutlined />} loading={state === 'busy'} onClick={download}>
        {t('letter.download')}
      </Button>
      {state === 'failed' && (
        <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
          {t('letter.failed')}
        </Typography.Text>
      )}
    </>
  );
}
