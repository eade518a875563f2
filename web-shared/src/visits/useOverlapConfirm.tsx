import { useCallback, useState, type ReactNode } from 'react';
import { Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { codedError } from '../app/errors';
import { addVisitStrings } from './strings';

/** The user saw the overlap warning and chose not to go ahead: nothing was sent, nothing failed. */
export class OverlapDeclined extends Error {
  constructor() {
    super('overlap declined');
  }
}

/**
 * Proposing or accepting a co-visit time that overlaps a participant's confirmed visit: the API
 * answers SCHEDULE_OVERLAP; this asks the user, and on "go ahead" sends the same request again
 * with `confirmOverlap: true`. `guard(send)` resolves with the second answer, or rejects with
 * OverlapDeclined when the user backs off. Render `dialog` once in the component.
 */
export function useOverlapConfirm(): {
  guard: <T>(send: (confirmOverlap: boolean) => Promise<T>) => Promise<T>;
  dialog: ReactNode;
} {
  addVisitStrings();
  const { t } = useTranslation();
  const [pending, setPending] = useState<((go: boolean) => void) | null>(null);
  const guard = useCallback(async <T,>(send: (confirmOverlap: boolean) => Promise<T>): Promise<T> => {
    try {
      return await send(false);
    } catch (error) {
      if (codedError(error).reason !== ErrorReason.SCHEDULE_OVERLAP) throw error;
      const go = await new Promise<boolean>((resolve) => setPending(() => resolve));
      setPending(null);
      if (!go) throw new OverlapDeclined();
      return send(true);
    }
  }, []);
  const dialog = (
    <Modal
      open={pending !== null}
      title={t('visitOverlap.title')}
      okText={t('visitOverlap.go')}
      cancelText={t('visitOverlap.back')}
      onOk={() => pending?.(true)}
      onCancel={() => pending?.(false)}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'overlap-go' } as object) }}
      cancelButtonProps={{ ...({ 'data-testid': 'overlap-back' } as object) }}
      destroyOnHidden
    >
      <p data-testid="overlap-warning">{t('visitOverlap.text')}</p>
    </Modal>
  );
  return { guard, dialog };
}
