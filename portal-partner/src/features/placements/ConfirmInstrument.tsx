import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, InputNumber, Segmented, Select } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { FailureAlert, uploadFile, useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  ConfirmStocktakeItemDocument,
  type InstrumentCondition,
  type StocktakeFinding,
  type StocktakeTaskItemFragment,
} from '../../gql/graphql';
import { PLACEMENT_ERRORS } from './placementErrors';

interface Values {
  finding: StocktakeFinding;
  scannedCode?: string;
  condition?: InstrumentCondition;
  foundAt?: string;
  meterReading?: number | null;
}

const FINDINGS: StocktakeFinding[] = ['FOUND', 'WRONG_PLACE', 'NOT_FOUND'];
const CONDITIONS: InstrumentCondition[] = ['GOOD', 'NEEDS_REPAIR', 'DAMAGED'];

/**
 * Confirms one instrument at the hospital: the serial scanned into the scan field (a scanner or a
 * scanning app types the UDI, as in 扫码出库), what was found, its condition, the meter where there
 * is one, and a photo taken on the phone, sent once the finding is kept.
 */
export function ConfirmInstrument({ item, onClose }: { item: StocktakeTaskItemFragment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoFailed, setPhotoFailed] = useState(false);
  const finding = Form.useWatch('finding', form);
  const [confirm, { loading }] = useMutation(ConfirmStocktakeItemDocument);
  const close = () => {
    setPhoto(null);
    setPhotoFailed(false);
    onClose();
  };
  const { clearFailure, shell } = useFormSubmit<Values>({
    form,
    open: Boolean(item),
    onClose: close,
    loading,
    errors: PLACEMENT_ERRORS,
    fields: ['scannedCode', 'condition', 'foundAt', 'meterReading'],
    send: async (v) => {
      if (!item) return;
      const found = v.finding !== 'NOT_FOUND';
      await confirm({
        variables: {
          itemId: item.id,
          input: {
            finding: v.finding,
            scannedCode: found ? v.scannedCode : null,
            condition: found ? v.condition : null,
            foundAt: v.finding === 'WRONG_PLACE' ? v.foundAt : null,
            meterReading: found ? (v.meterReading ?? null) : null,
          },
        },
      });
      if (photo) {
        const sent = await uploadFile(`/files/stocktake-items/${encodeURIComponent(item.id)}/photo`, photo, 'portal');
        if (!sent.ok) {
          setPhotoFailed(true);
          return;
        }
      }
      close();
    },
  });
  return (
    <Drawer
      open={Boolean(item)}
      onClose={close}
      placement="bottom"
      size="large"
      title={item ? `${t('placement.confirm')} · ${item.serialNo}` : ''}
      destroyOnHidden
    >
      <FailureAlert failure={shell.failure} testId="stocktake-error" style={{ marginBottom: 12 }} />
      {photoFailed && <Alert type="warning" showIcon title={t('placement.photoFailed')} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={shell.submit}
        onValuesChange={clearFailure}
        initialValues={{ finding: 'FOUND', condition: 'GOOD' }}
      >
        <Form.Item name="finding" label={t('placement.finding')}>
          <Segmented block options={FINDINGS.map((f) => ({ value: f, label: t(`placement.findingOptions.${f}`) }))} />
        </Form.Item>
        {finding !== 'NOT_FOUND' && (
          <>
            <Form.Item name="scannedCode" label={t('placement.scanLabel')} rules={[{ required: true }]}>
              <Input placeholder={t('placement.scanPlaceholder')} size="large" autoComplete="off" autoFocus />
            </Form.Item>
            <Form.Item name="condition" label={t('placement.condition')} rules={[{ required: true }]}>
              <Select
                size="large"
                options={CONDITIONS.map((c) => ({ value: c, label: t(`placement.conditionOptions.${c}`) }))}
              />
            </Form.Item>
            {finding === 'WRONG_PLACE' && (
              <Form.Item name="foundAt" label={t('placement.foundAt')} rules={[{ required: true }]}>
                <Input size="large" maxLength={200} />
              </Form.Item>
            )}
            <Form.Item name="meterReading" label={t('placement.meterReading')}>
              <InputNumber min={0} precision={0} size="large" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item label={t('placement.photo')} extra={t('placement.photoHint')} htmlFor="stocktake-photo">
              <input
                id="stocktake-photo"
                type="file"
                accept="image/jpeg,image/png"
                capture="environment"
                onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
              />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" block size="large" loading={loading}>
          {t('placement.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
