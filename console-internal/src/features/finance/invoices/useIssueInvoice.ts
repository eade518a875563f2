import { useState } from 'react';
import { App, Form } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { IssueInvoiceDocument, UninvoicedShipmentsDocument, type UninvoicedShipmentsQuery } from '../../../gql/graphql';
import { netOf } from '../money';
import { useDistributorOptions } from '../useDistributorOptions';
import { sum, useFormSubmit } from '@medchannel/web-shared/kernel';

export type Shipment = UninvoicedShipmentsQuery['uninvoicedShipments'][number];

export interface IssueInvoiceValues {
  distributorId?: string;
  taxRate: string;
  number?: string;
  issuedOn: Dayjs;
  externalRef?: string;
}

/** VAT rates a medical-device invoice carries; 13% for goods. */
export const RATES = [
  { value: '0.13', label: '13%' },
  { value: '0.09', label: '9%' },
  { value: '0.06', label: '6%' },
  { value: '0.03', label: '3%' },
  { value: '0.01', label: '1%' },
  { value: '0', label: '0%' },
];
const FIELDS = ['taxRate', 'number', 'issuedOn', 'externalRef'];
const FINANCE_ERRORS = { prefix: 'financeError' };

/** The invoice form's state: the distributor's uninvoiced shipments, those ticked, the totals, and the submit. */
export function useIssueInvoice(open: boolean, onClose: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<IssueInvoiceValues>();
  const rate = Form.useWatch('taxRate', form) ?? RATES[0].value;
  const [picked, setPicked] = useState<string[]>([]);
  const {
    distributorId,
    options: shipments,
    notice: shipmentError,
    setNotice: setShipmentError,
  } = useDistributorOptions(form, UninvoicedShipmentsDocument, { open, onPick: () => setPicked([]) });
  const [issue, { loading }] = useMutation(IssueInvoiceDocument, {
    refetchQueries: ['Invoices', 'UninvoicedShipments', 'PayableInvoices'],
  });
  const rows = distributorId ? (shipments.data?.uninvoicedShipments ?? []) : [];
  const gross = sum(rows.filter((s) => picked.includes(s.id)).map((s) => s.amount.amount));
  const net = netOf(gross, rate);

  const pickedIds = () => rows.filter((s) => picked.includes(s.id)).map((s) => s.id);
  const { clearFailure, shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    errors: FINANCE_ERRORS,
    fields: FIELDS,
    send: async (values) => {
      setShipmentError(null);
      if (!values.distributorId) return;
      const shipmentIds = pickedIds();
      if (!shipmentIds.length) return setShipmentError(t('invoice.pickShipments'));
      const { data } = await issue({
        variables: {
          input: {
            distributorId: values.distributorId,
            shipmentIds,
            taxRate: values.taxRate,
            number: values.number?.trim() || undefined,
            issuedOn: values.issuedOn.format('YYYY-MM-DD'),
            externalRef: values.externalRef?.trim() || undefined,
          },
        },
      });
      void message.success(t('invoice.issued', { number: data?.issueInvoice.number ?? '' }));
      onClose();
    },
    onFailure: (f) => {
      if (f.fieldName !== 'shipmentIds') return false;
      const shipmentIds = pickedIds();
      const named = f.index !== undefined ? rows.find((s) => s.id === shipmentIds[f.index!])?.number : undefined;
      setShipmentError(named ? `${named}：${f.message}` : f.message);
      void shipments.refetch();
      return true;
    },
  });

  const pickShipments = (ids: string[]) => {
    setPicked(ids);
    setShipmentError(null);
  };

  return {
    form,
    distributorId,
    shipments,
    rows,
    picked,
    pickShipments,
    shipmentError,
    clearFailure,
    gross,
    net,
    shell,
  };
}
