import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Typography } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { AddHospitalNoteDocument, HospitalDocument, type HospitalQuery } from '../../gql/graphql';
import { errorMessage, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';

/** What we hear about the hospital: a box to add a note, and the notes so far. */
export function HospitalNotesCard({
  hospitalId,
  notes,
}: {
  hospitalId: string;
  notes: HospitalQuery['hospital']['notes'];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [form] = Form.useForm<{ body: string }>();
  const [failure, setFailure] = useState<string | null>(null);
  // The refetch is not awaited: the box empties when the note is saved, before the list shows it,
  // so the text is never on screen twice.
  const [add, { loading }] = useMutation(AddHospitalNoteDocument, {
    refetchQueries: [{ query: HospitalDocument, variables: { id: hospitalId } }],
  });

  const submit = async ({ body }: { body: string }) => {
    setFailure(null);
    try {
      await add({ variables: { hospitalId, body: body.trim() } });
      form.resetFields();
    } catch (error) {
      setFailure(errorMessage(t, error));
    }
  };

  return (
    <Card title={t('hospital.notes')} style={{ marginBottom: 16 }}>
      <Form form={form} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="body"
          rules={[{ required: true, whitespace: true, message: t('hospital.noteRequired') }]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            rows={2}
            maxLength={2000}
            placeholder={t('hospital.notePlaceholder')}
            data-testid="hospital-note"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={loading} data-testid="hospital-note-add">
          {t('hospital.addNote')}
        </Button>
      </Form>
      {failure && <Alert type="error" showIcon style={{ marginTop: 8 }} title={failure} />}
      {notes.length === 0 ? (
        <EmptyState title={t('hospital.noNotes')} />
      ) : (
        <List
          style={{ marginTop: 8 }}
          dataSource={notes}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {format.dateTime(n.createdAt)}
                  </Typography.Text>
                }
                description={<span style={{ color: 'rgba(0,0,0,0.85)', whiteSpace: 'pre-wrap' }}>{n.body}</span>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
