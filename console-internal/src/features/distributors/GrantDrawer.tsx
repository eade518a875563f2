import { useState } from 'react';
import { Alert, Button, DatePicker, Drawer, Form, Radio, Select, Space, Switch } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { formError } from '@medchannel/web-shared';
import { ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { DistributorDocument, GrantAuthorizationDocument, GrantOptionsDocument, type AuthorizationKind } from '../../gql/graphql';

interface Values {
  kind: AuthorizationKind;
  exclusive: boolean;
  productLineIds: string[];
  productIds: string[];
  regionIds: string[];
  hospitalIds: string[];
  period: [Dayjs, Dayjs];
}

const FIELD_OF: Record<string, keyof Values> = {
  validFrom: 'period',
  validTo: 'period',
  productIds: 'productIds',
  productLineIds: 'productLineIds',
  regionIds: 'regionIds',
  hospitalIds: 'hospitalIds',
  exclusive: 'exclusive',
  kind: 'kind',
};

/** Grant form: what (product lines and/or products), where (regions and/or hospitals), when, how. */
export function GrantDrawer({ distributorId, open, onClose }: { distributorId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const options = useQuery(GrantOptionsDocument, { skip: !open });
  const [grant, { loading }] = useMutation(GrantAuthorizationDocument, {
    refetchQueries: [{ query: DistributorDocument, variables: { id: distributorId } }],
    awaitRefetchQueries: true,
  });
  const [failure, setFailure] = useState<{ message: string; detail?: string } | null>(null);

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setFailure(null);
    try {
      await grant({
        variables: {
          input: {
            distributorId,
            kind: v.kind,
            exclusive: v.exclusive,
            productLineIds: v.productLineIds ?? [],
            productIds: v.productIds ?? [],
            regionIds: v.regionIds ?? [],
            hospitalIds: v.hospitalIds ?? [],
            validFrom: v.period[0].format('YYYY-MM-DD'),
            validTo: v.period[1].format('YYYY-MM-DD'),
          },
        },
      });
      form.resetFields();
      onClose();
    } catch (error) {
      const f = formError(t, error);
      const name = f.field ? FIELD_OF[f.field] : undefined;
      if (name) form.setFields([{ name, errors: [f.detail ? `${f.message} ${f.detail}` : f.message] }]);
      // Compliance findings are about the distributor, not one field: they lead the form.
      setFailure(name ? null : f);
    }
  };

  const o = options.data;
  const atLeastOne = (other: keyof Values, message: string) => ({
    validator: (_: unknown, value: string[] | undefined) =>
      (value?.length ?? 0) + ((form.getFieldValue(other) as string[] | undefined)?.length ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(message)),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('grant.title')}
      size={520}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={loading} onClick={() => void submit()} data-testid="grant-submit">
            {t('grant.submit')}
          </Button>
        </Space>
      }
    >
      {options.error && !o ? (
        <ErrorState error={options.error} onRetry={() => void options.refetch()} />
      ) : !o ? (
        <LoadingState />
      ) : (
        <>
          {failure && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={failure.message}
              description={failure.detail}
              data-testid="grant-error"
            />
          )}
          <Form<Values>
            form={form}
            layout="vertical"
            preserve={false}
            initialValues={{ kind: 'TEMPORARY', exclusive: false, period: [dayjs(), dayjs().add(89, 'day')] }}
            onValuesChange={() => failure && setFailure(null)}
          >
            <Form.Item name="kind" label={t('grant.kind')}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                data-testid="grant-kind"
                options={[
                  { value: 'TEMPORARY', label: t('authKind.TEMPORARY') },
                  { value: 'FORMAL', label: t('authKind.FORMAL') },
                ]}
              />
            </Form.Item>
            <Form.Item name="exclusive" label={t('grant.exclusive')} valuePropName="checked" extra={t('grant.exclusiveHelp')}>
              <Switch data-testid="grant-exclusive" />
            </Form.Item>
            <Form.Item
              name="productLineIds"
              label={t('grant.productLines')}
              dependencies={['productIds']}
              rules={[atLeastOne('productIds', t('grant.whatRequired'))]}
            >
              <Select
                mode="multiple"
                allowClear
                data-testid="grant-product-lines"
                placeholder={t('grant.productLinesPlaceholder')}
                options={o.productLines.map((l) => ({ value: l.id, label: l.name }))}
                optionFilterProp="label"
              />
            </Form.Item>
            <Form.Item name="productIds" label={t('grant.products')} dependencies={['productLineIds']} rules={[atLeastOne('productLineIds', t('grant.whatRequired'))]}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('grant.productsPlaceholder')}
                optionFilterProp="label"
                options={o.products.nodes.map((p) => ({ value: p.id, label: `${p.name} · ${p.code} (${t('grant.deviceClass', { cls: p.deviceClass })})` }))}
              />
            </Form.Item>
            <Form.Item name="regionIds" label={t('grant.regions')} dependencies={['hospitalIds']} rules={[atLeastOne('hospitalIds', t('grant.whereRequired'))]}>
              <Select
                mode="multiple"
                allowClear
                data-testid="grant-regions"
                placeholder={t('grant.regionsPlaceholder')}
                optionFilterProp="label"
                options={o.regions.map((r) => ({ value: r.id, label: r.name }))}
              />
            </Form.Item>
            <Form.Item name="hospitalIds" label={t('grant.hospitals')} dependencies={['regionIds']} rules={[atLeastOne('regionIds', t('grant.whereRequired'))]}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('grant.hospitalsPlaceholder')}
                optionFilterProp="label"
                options={o.hospitals.nodes.map((h) => ({ value: h.id, label: `${h.name} · ${h.region.name}` }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('grant.period')} rules={[{ required: true, message: t('grant.periodRequired') }]} extra={t('grant.periodHelp')}>
              <DatePicker.RangePicker style={{ width: '100%' }} data-testid="grant-period" />
            </Form.Item>
          </Form>
        </>
      )}
    </Drawer>
  );
}
