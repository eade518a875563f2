import { useRef, useState } from 'react';
import { Button, Flex, Form, Input, Select, Typography, type FormListFieldData } from 'antd';
import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { MaterialKind } from '@medchannel/shared-schema';
import { errorMessage } from '@medchannel/web-shared';
import { downloadFile } from '@medchannel/web-shared/kernel';
import type { CourseDetailFragment } from '../../../gql/graphql';
import { ErrorAt } from './fieldErrors';
import { uploadMaterial } from './material.rest';

interface Props {
  field: FormListFieldData;
  /** where the material is: `sections.<s>.materials.<m>` */
  path: [number, number];
  /** the saved course; files are uploaded to it, so a new course saves first */
  course: CourseDetailFragment | null;
  onRemove: () => void;
}

const KINDS = Object.values(MaterialKind);

/** One material of a section: a text, a video's address, or a file uploaded to the course. */
export function MaterialFields({ field, path, course, onRemove }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const [s, m] = path;
  const kind = Form.useWatch(['sections', s, 'materials', m, 'kind'], form) as MaterialKind | undefined;

  return (
    <div style={{ borderLeft: '3px solid #f0f0f0', paddingLeft: 12, marginBottom: 12 }} data-testid={`material-${m}`}>
      <Flex gap={8} align="start">
        <Form.Item name={[field.name, 'kind']} style={{ width: 110, marginBottom: 8 }}>
          <Select
            options={KINDS.map((k) => ({ value: k, label: t(`materialKind.${k}`) }))}
            data-testid="material-kind"
          />
        </Form.Item>
        <Form.Item
          name={[field.name, 'title']}
          style={{ flex: 1, marginBottom: 8 }}
          rules={[{ required: true, whitespace: true, message: t('editor.materialTitleRequired') }]}
        >
          <Input maxLength={200} placeholder={t('editor.materialTitle')} data-testid="material-title" />
        </Form.Item>
        <Button
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('editor.removeMaterial')}
          data-testid="material-remove"
        />
      </Flex>
      {kind === MaterialKind.VIDEO ? (
        <Form.Item
          name={[field.name, 'body']}
          style={{ marginBottom: 8 }}
          rules={[{ required: true, pattern: /^https?:\/\/\S+$/, message: t('trainingError.material.VIDEO') }]}
        >
          <Input maxLength={2000} placeholder="https://…" data-testid="material-url" />
        </Form.Item>
      ) : kind === MaterialKind.FILE ? (
        <FileChoice name={[field.name, 'fileId']} at={['sections', s, 'materials', m, 'fileId']} course={course} />
      ) : (
        <Form.Item
          name={[field.name, 'body']}
          style={{ marginBottom: 8 }}
          rules={[{ required: true, whitespace: true, message: t('trainingError.material.TEXT') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            maxLength={20_000}
            placeholder={t('editor.materialBody')}
            data-testid="material-body"
          />
        </Form.Item>
      )}
      <ErrorAt path={`sections.${s}.materials.${m}`} />
    </div>
  );
}

/** A file of the course to show: picked from those uploaded, or uploaded now (PDF, JPEG or PNG). */
function FileChoice({
  name,
  at,
  course,
}: {
  name: [number, string];
  at: Array<string | number>;
  course: CourseDetailFragment | null;
}) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const client = useApolloClient();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const chosen = Form.useWatch(at, form) as string | undefined;
  const file = course?.files.find((f) => f.id === chosen);

  if (!course) return <Typography.Text type="secondary">{t('editor.saveBeforeUpload')}</Typography.Text>;

  const upload = async (picked: File) => {
    setUploading(true);
    setFailure(null);
    const result = await uploadMaterial(course.id, picked);
    if (result.ok) {
      await client.refetchQueries({ include: ['Course'] });
      form.setFieldValue(at, result.body.id);
    } else {
      setFailure(errorMessage(t, result));
    }
    setUploading(false);
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        <Form.Item name={name} noStyle rules={[{ required: true, message: t('trainingError.material.FILE') }]}>
          <Select
            allowClear
            style={{ minWidth: 260, flex: 1 }}
            placeholder={t('editor.chooseFile')}
            options={course.files.map((f) => ({
              value: f.id,
              label: `${f.fileName} · ${Math.ceil(f.fileSize / 1024)} KB`,
            }))}
            data-testid="material-file"
          />
        </Form.Item>
        <Button
          icon={<UploadOutlined />}
          loading={uploading}
          onClick={() => input.current?.click()}
          data-testid="material-upload"
        >
          {t('editor.upload')}
        </Button>
        {file && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadFile(`/files/course-files/${file.id}`, 'console', file.fileName)}
          >
            {t('action.download')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          style={{ display: 'none' }}
          data-testid="material-upload-input"
          onChange={(e) => {
            const picked = e.target.files?.[0];
            e.target.value = '';
            if (picked) void upload(picked);
          }}
        />
      </Flex>
      {failure && (
        <Typography.Text type="danger" data-testid="material-upload-error">
          {failure}
        </Typography.Text>
      )}
    </>
  );
}
