import { useState } from 'react';
import { Button, Form, Input, Modal } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CoVisitMoves } from './useCoVisitMoves';

/**
 * A participant calls the plan off before it happens (withdrawing a proposal still awaiting the
 * brand, or a confirmed visit that cannot take place), saying why: the others read the reason.
 */
export function CancelCoVisit({ moves }: { moves: CoVisitMoves }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button size="large" block danger icon={<StopOutlined />} onClick={() => setOpen(true)}>
        {t('visits.cancelPlan')}
      </Button>
      <Modal
        open={open}
        title={t('visits.cancelTitle')}
        okText={t('visits.cancelConfirm')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: moves.loading.cancelling }}
        cancelText={t('visits.cancelKeep')}
        onCancel={() => setOpen(false)}
        onOk={async () => {
          // refused or not, the dialog closes: a refusal shows above the plan, which is reloaded
          await moves.cancel(reason.trim());
          setOpen(false);
        }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t('visits.cancelWhy')} htmlFor="co-visit-cancel-reason" extra={t('visits.cancelHint')}>
            <Input.TextArea
              id="co-visit-cancel-reason"
              rows={3}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
