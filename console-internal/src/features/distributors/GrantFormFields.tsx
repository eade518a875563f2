import { DatePicker, Form, Radio, Select, Switch, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { type GrantOptionsQuery } from '../../gql/graphql';
import { type GrantValues } from './useGrantForm';

/**
 * The grant form's fields: what (product lines and/or products), where (regions and/or hospitals), when, how.
 * The choices' options arrive with `o`; until then the lists are empty and show `loading`.
 */
export function GrantFormFields({
  form,
  o,
  loading,
}: {
  form: FormInstance<GrantValues>;
  o: GrantOptionsQuery | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const atLeastOne = (other: keyof GrantValues, message: string) => ({
    validator: (_: unknown, value: string[] | undefined) =>
      (value?.length ?? 0) + ((form.getFieldValue(other) as string[] | undefined)?.length ?? 0) > 0
        ? Promise.resolve()
        : Promise.reject(new Error(message)),
  });

  return (
    <>
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
          loading={loading}
          data-testid="grant-product-lines"
          placeholder={t('grant.productLinesPlaceholder')}
          options={(o?.productLines ?? []).map((l) => ({ value: l.id, label: l.name }))}
          optionFilterProp="label"
        />
      </Form.Item>
      <Form.Item
        name="productIds"
        label={t('grant.products')}
        dependencies={['productLineIds']}
        rules={[atLeastOne('productLineIds', t('grant.whatRequired'))]}
      >
        <Select
          mode="multiple"
          allowClear
          loading={loading}
          placeholder={t('grant.productsPlaceholder')}
          optionFilterProp="label"
          options={(o?.products.nodes ?? []).map((p) => ({
            value: p.id,
            label: `${p.name} · ${p.code} (${t('grant.deviceClass', { cls: p.deviceClass })})`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="regionIds"
        label={t('grant.regions')}
        dependencies={['hospitalIds']}
        rules={[atLeastOne('hospitalIds', t('grant.whereRequired'))]}
      >
        <Select
          mode="multiple"
          allowClear
          loading={loading}
          data-testid="grant-regions"
          placeholder={t('grant.regionsPlaceholder')}
          optionFilterProp="label"
          options={(o?.regions ?? []).map((r) => ({ value: r.id, label: r.name }))}
        />
      </Form.Item>
      <Form.Item
        name="hospitalIds"
        label={t('grant.hospitals')}
        dependencies={['regionIds']}
        rules={[atLeastOne('regionIds', t('grant.whereRequired'))]}
      >
        <Select
          mode="multiple"
          allowClear
          loading={loading}
          placeholder={t('grant.hospitalsPlaceholder')}
          optionFilterProp="label"
          options={(o?.hospitals.nodes ?? []).map((h) => ({ value: h.id, label: `${h.name} · ${h.region.name}` }))}
        />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('grant.period')}
        rules={[{ required: true, message: t('grant.periodRequired') }]}
        extra={t('grant.periodHelp')}
      >
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="grant-period" />
      </Form.Item>
    </>
  );
}
