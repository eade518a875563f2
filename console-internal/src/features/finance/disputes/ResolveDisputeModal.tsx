import { Descriptions, Form, Input, InputNumber, Radio } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@medchannel/web-shared';
import { ResolveDisputeDocument, type ResolveDisputeMutation } from '../../../gql/graphql';
import { FormModal, toCents, useFormSubmit } from '@medchannel/web-shared/kernel';

export interface DisputeToAnswer {
  id: string;
  comment: string;
  line: { memo?: string | null; kind: string; occurredOn: string; amount: { amount: string; currency: string } } | null;
  statement: { period: string; version: number; distributor?: { name: string } | null } | null;
}

interface Values {
  mode: 'adjust' | 'reject';
  adjustment?: string;
  resolution: string;
}

interface Props {
  dispute: DisputeToAnswer | null;
  onClose: () => void;
  /** The statement as it stands after the answer: version n+1 when this was its last open dispute */
  onResolved: (statement: ResolveDisputeMutation['resolveStatementDispute'], reissued: boolean) => void;
}

const RELOAD = ['OpenDisputes', 'StatementDetail', 'Statements'];
const RESOLVE_ERRORS = { prefix: 'financeError', reload: RELOAD };

/**
 * Finance answers one disputed line: an adjustment posted in the statement's month (negative takes
 * off what the distributor owes), or the line kept as it is; either way with the reason the owner reads.
 */
export function ResolveDisputeModal({ dispute, onClose, onResolved }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const [resolve, { loading }] = useMutation(ResolveDisputeDocument, {
    refetchQueries: RELOAD,
    awaitRefetchQueries: true,
  });
  const { shell, formProps } = useFormSubmit({
    form,
    open: !!dispute,
    onClose,
    loading,
    errors: RESOLVE_ERRORS,
    fields: ['adjustment', 'resolution'],
    send: async (values) => {
      if (!dispute) return;
      const adjustment = values.mode === 'adjust' ? values.adjustment : undefined;
      const { data } = await resolve({
        variables: { input: { disputeId: dispute.id, adjustment, resolution: values.resolution.trim() } },
      });
      if (data)
        onResolved(
          data.resolveStatementDispute,
          data.resolveStatementDispute.version > (dispute.statement?.version ?? 0),
        );
      onClose();
    },
  });

  const line = dispute?.line;
  return (
    <FormModal
      {...shell}
      title={t('dispute.resolveTitle', {
        distributor: dispute?.statement?.distributor?.name ?? '',
        period: dispute?.statement?.period ?? '',
      })}
      submitText={t('dispute.resolveSubmit')}
      testId="resolve"
      width={560}
    >
      {dispute && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('dispute.line')}>
            {line ? `${format.date(line.occurredOn)} · ${t(`ledgerKind.${line.kind}`)} · ${line.memo ?? ''}` : '—'}
          </Descriptions.Item>
          {line && <Descriptions.Item label={t('statement.amount')}>{format.money(line.amount)}</Descriptions.Item>}
          <Descriptions.Item label={t('dispute.comment')}>{dispute.comment}</Descriptions.Item>
        </Descriptions>
      )}
      <Form<Values> {...formProps} initialValues={{ mode: 'adjust' }}>
        <Form.Item name="mode" label={t('dispute.answer')}>
          <Radio.Group
            optionType="button"
            data-testid="resolve-mode"
            options={[
              { value: 'adjust', label: t('dispute.adjust') },
              { value: 'reject', label: t('dispute.reject') },
            ]}
          />
        </Form.Item>
        {mode !== 'reject' && (
          <Form.Item
            name="adjustment"
            label={t('dispute.adjustment')}
            extra={t('dispute.adjustmentHelp', { period: dispute?.statement?.period ?? '' })}
            rules={[
              { required: true, message: t('dispute.adjustmentRequired') },
              { pattern: /^-?\d{1,16}(\.\d{1,2})?$/, message: t('dispute.adjustmentInvalid') },
              {
                validator: (_, v?: string) =>
                  v && /^-?\d/.test(v) && toCents(v) === 0n
                    ? Promise.reject(new Error(t('financeError.field.adjustment')))
                    : Promise.resolve(),
              },
            ]}
          >
            <InputNumber<string>
              stringMode
              precision={2}
              style={{ width: '100%' }}
              prefix="¥"
              placeholder="-1000.00"
              data-testid="resolve-adjustment"
            />
          </Form.Item>
        )}
        <Form.Item
          name="resolution"
          label={t('dispute.resolution')}
          extra={t('dispute.resolutionHelp')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('dispute.resolutionRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="resolve-resolution" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
