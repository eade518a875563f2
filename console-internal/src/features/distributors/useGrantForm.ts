import { Form } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { type Dayjs } from 'dayjs';
import { useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  DistributorDocument,
  GrantAuthorizationDocument,
  GrantOptionsDocument,
  type AuthorizationKind,
} from '../../gql/graphql';

export interface GrantValues {
  kind: AuthorizationKind;
  exclusive: boolean;
  productLineIds: string[];
  productIds: string[];
  regionIds: string[];
  hospitalIds: string[];
  period: [Dayjs, Dayjs];
}

const FIELD_OF: Record<string, keyof GrantValues> = {
  validFrom: 'period',
  validTo: 'period',
  productIds: 'productIds',
  productLineIds: 'productLineIds',
  regionIds: 'regionIds',
  hospitalIds: 'hospitalIds',
  exclusive: 'exclusive',
  kind: 'kind',
};

/** The grant drawer's state: its options, the grant mutation, and the submit that maps failures onto the form. */
export function useGrantForm(distributorId: string, open: boolean, onClose: () => void) {
  const [form] = Form.useForm<GrantValues>();
  const options = useQuery(GrantOptionsDocument, { skip: !open });
  const [grant, { loading }] = useMutation(GrantAuthorizationDocument, {
    refetchQueries: [{ query: DistributorDocument, variables: { id: distributorId } }],
    awaitRefetchQueries: true,
  });
  const { clearFailure, shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    // Compliance findings are about the distributor, not one field: they lead the form.
    fields: FIELD_OF,
    withDetail: true,
    send: async (v) => {
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
    },
  });

  return { form, options, clearFailure, shell };
}
