import { useState } from 'react';
import { App, Button, Form, InputNumber } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { can, ScorecardFigureKind } from '@medchannel/shared-schema';
import { useCurrentUser } from '@medchannel/web-shared';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { ScorecardWeightsDocument, SetScorecardWeightsDocument } from '../../../gql/graphql';

type Values = Record<ScorecardFigureKind, number> & { up: string; down: string };
const KINDS = Object.values(ScorecardFigureKind);

/** The brand's weights of the figures and its lines up and down: each save a new version (the admin's). */
export function WeightsButton() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const current = useQuery(ScorecardWeightsDocument, { skip: !open });
  const [save, { loading }] = useMutation(SetScorecardWeightsDocument, {
    refetchQueries: ['DistributorScorecard', 'ScorecardWeights'],
  });
  const { shell, formProps } = useFormSubmit<Values>({
    form,
    open,
    onClose: () => setOpen(false),
    loading,
    errors: { prefix: 'scorecard.error' },
    fields: [...KINDS, 'up', 'down'],
    send: async (v, idempotencyKey) => {
      await save({
        variables: {
          input: {
            weights: KINDS.map((kind) => ({ kind, weight: Number(v[kind]) })),
            upThreshold: String(v.up),
            downThreshold: String(v.down),
            idempotencyKey,
          },
        },
      });
      setOpen(false);
      void message.success(t('scorecard.weights.saved'));
    },
  });
  if (!can(user.role, 'scorecard.setWeights')) return null;
  const w = current.data?.scorecardWeights;
  const initial = w
    ? {
        ...Object.fromEntries(w.weights.map((x) => [x.kind, x.weight])),
        up: w.upThreshold,
        down: w.downThreshold,
      }
    : undefined;

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('scorecard.weights.edit')}</Button>
      <FormModal {...shell} title={t('scorecard.weights.title')} submitText={t('action.save')} testId="weights-form">
        {initial && (
          <Form<Values> {...formProps} initialValues={initial}>
            {KINDS.map((kind) => (
              <Form.Item
                key={kind}
                name={kind}
                label={t(`scorecard.kind.${kind}`)}
                rules={[{ required: true, message: t('scorecard.required') }]}
              >
                <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            ))}
            <Form.Item
              name="up"
              label={t('scorecard.weights.up')}
              rules={[{ required: true, message: t('scorecard.required') }]}
            >
              <InputNumber<string> stringMode min="0" max="100" precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="down"
              label={t('scorecard.weights.down')}
              rules={[{ required: true, message: t('scorecard.required') }]}
            >
              <InputNumber<string> stringMode min="0" max="100" precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Form>
        )}
      </FormModal>
    </>
  );
}
