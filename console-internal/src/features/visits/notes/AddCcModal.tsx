import { Alert, Form } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { NoteVisibility, Side } from '@medchannel/shared-schema';
import { FormModal, useFormSubmit } from '@medchannel/web-shared/kernel';
import { CcVisitNoteDocument, type VisitNoteQuery } from '../../../gql/graphql';
import { PeopleSelect } from '../pickers/PeopleSelect';
import { useVisitPeople } from '../pickers/people';

type Note = VisitNoteQuery['visitNote'];
interface Values {
  brandIds?: string[];
  partnerIds?: string[];
}

/**
 * The author adds people to the note's CC list after writing it: brand colleagues, and on a shared
 * note the distributor's owner and reps. The sentence under the pickers says who will read the
 * note once they are added, those already on it and the new ones; the added are told.
 */
export function AddCcModal({ note, open, onClose }: { note: Note; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const shared = note.visibility === NoteVisibility.SHARED;
  const distributor = shared ? note.distributor : null;
  const people = useVisitPeople(distributor?.id);
  const [cc, { loading }] = useMutation(CcVisitNoteDocument);
  const present = new Set([note.author?.id, ...note.cc.map((p) => p.id)]);
  const brandIds = Form.useWatch('brandIds', form) ?? [];
  const partnerIds = Form.useWatch('partnerIds', form) ?? [];
  const { shell } = useFormSubmit({
    form,
    open,
    onClose,
    loading,
    errors: { prefix: 'visitError', reload: ['VisitNote'] },
    fields: { userIds: 'brandIds' },
    send: async (values) => {
      const userIds = [...(values.brandIds ?? []), ...(values.partnerIds ?? [])];
      await cc({ variables: { id: note.id, expectedVersion: note.version, userIds } });
      onClose();
    },
  });

  const nameOf = (id: string) => [...people.colleagues, ...people.partners].find((p) => p.id === id)?.displayName ?? id;
  const already = (side: Side) => note.cc.filter((p) => p.side === side).map((p) => p.displayName);
  const brandNames = [t('note.you'), ...already(Side.BRAND), ...brandIds.map(nameOf)];
  const partnerNames = [...already(Side.PARTNER), ...partnerIds.map(nameOf)];
  const more = brandIds.length + partnerIds.length;

  return (
    <FormModal {...shell} title={t('noteCc.title')} submitText={t('noteCc.submit')} testId="note-cc-add" width={560}>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="brandIds"
          label={t('note.ccBrand')}
          extra={shared ? undefined : t('noteCc.internalOnly')}
          rules={[
            ({ getFieldValue }) => ({
              validator: async () => {
                if (!(getFieldValue('brandIds')?.length || getFieldValue('partnerIds')?.length))
                  throw new Error(t('noteCc.required'));
              },
            }),
          ]}
        >
          <PeopleSelect
            people={people.colleagues.filter((p) => !present.has(p.id))}
            loading={people.loading}
            placeholder={t('note.ccBrandPlaceholder')}
            testId="note-cc-add-brand"
          />
        </Form.Item>
        {distributor && (
          <Form.Item name="partnerIds" label={t('note.ccPartner', { distributor: distributor.name })}>
            <PeopleSelect
              people={people.partners.filter((p) => !present.has(p.id))}
              loading={people.loading}
              placeholder={t('note.ccPartnerPlaceholder')}
              testId="note-cc-add-partner"
            />
          </Form.Item>
        )}
      </Form>
      {people.denied && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('visit.peopleDenied')} />}
      <Alert
        type={shared && partnerNames.length ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        data-testid="note-cc-add-readers"
        title={more ? t('noteCc.readersAfter', { count: more }) : t('noteCc.readersNow')}
        description={
          <>
            <div>{t('note.audienceBrand', { names: brandNames.join('、') })}</div>
            {shared ? (
              <div>
                {partnerNames.length
                  ? t('note.audiencePartner', { names: partnerNames.join('、'), distributor: distributor?.name })
                  : t('note.audienceNoPartner')}
              </div>
            ) : (
              <div>{t('note.audienceInternal')}</div>
            )}
          </>
        }
      />
    </FormModal>
  );
}
