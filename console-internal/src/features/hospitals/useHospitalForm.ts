import { App, Form } from 'antd';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { HospitalGrade, VolumeKind } from '@medchannel/shared-schema';
import { useFormSubmit } from '@medchannel/web-shared/kernel';
import {
  CreateHospitalDocument,
  HospitalRegionsDocument,
  UpdateHospitalDocument,
  type HospitalQuery,
} from '../../gql/graphql';
import { HOSPITAL_ERRORS } from './useHospitalPartForm';

export interface HospitalValues {
  name: string;
  grade: HospitalGrade;
  beds?: number | null;
  regionId: string;
  address?: string;
  departments?: Array<{ name: string; yearlyVolume?: number | null; volumeKind?: VolumeKind }>;
}

const FIELDS = ['name', 'grade', 'beds', 'regionId', 'address'];

/** A server's field path on the form: a department's own field by its row, a profile field by its name. */
function fieldOf(field: string) {
  return field.startsWith('departments.')
    ? field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    : FIELDS.includes(field)
      ? field
      : undefined;
}

/** The hospital form's state: the regions offered, the values it starts with, and the create (then open it) or update it sends. */
export function useHospitalForm({
  open,
  onClose,
  hospital,
}: {
  open: boolean;
  onClose: () => void;
  hospital?: HospitalQuery['hospital'];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<HospitalValues>();
  const regions = useQuery(HospitalRegionsDocument, { skip: !open });
  const [create, created] = useMutation(CreateHospitalDocument, { refetchQueries: ['Hospitals'] });
  const [update, updated] = useMutation(UpdateHospitalDocument);
  const { shell, formProps } = useFormSubmit<HospitalValues>({
    form,
    open,
    onClose,
    loading: created.loading || updated.loading,
    errors: HOSPITAL_ERRORS,
    fields: fieldOf,
    send: async (v, key) => {
      const profile = {
        name: v.name.trim(),
        grade: v.grade,
        beds: v.beds ?? undefined,
        regionId: v.regionId,
        address: v.address?.trim() || undefined,
      };
      if (hospital) {
        await update({ variables: { id: hospital.id, input: { ...profile, expectedVersion: hospital.version } } });
        onClose();
        void message.success(t('hospital.saved'));
        return;
      }
      const departments = (v.departments ?? []).map((d) => ({
        name: d.name.trim(),
        yearlyVolume: d.yearlyVolume ?? undefined,
        volumeKind: d.volumeKind,
      }));
      const { data } = await create({ variables: { input: { ...profile, departments, idempotencyKey: key } } });
      onClose();
      void message.success(t('hospital.created', { name: data!.createHospital.name }));
      void navigate(`/hospitals/${data!.createHospital.id}`);
    },
  });
  const initialValues = hospital
    ? { ...hospital, regionId: hospital.region.id, address: hospital.address ?? undefined }
    : { departments: [] };
  // the regions he covers, a city under its province's name (a head may cover a province and its cities)
  const regionOptions = (regions.data?.hospitalRegions ?? []).map((r) => ({
    value: r.id,
    label: [r.parent?.name, r.name].filter(Boolean).join(' / '),
  }));
  return { shell, formProps, initialValues, regionOptions, regionsLoading: regions.loading };
}
