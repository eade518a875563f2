import { useRef, useState } from 'react';
import { Button, Flex, Form, Select, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@medchannel/web-shared';
import { downloadFile } from '@medchannel/web-shared/kernel';
import type { CourseDetailFragment } from '../../../gql/graphql';
import { uploadMaterial } from './material.rest';

/** A file of the course to show: picked from those uploaded, or uploaded now (PDF, JPEG or PNG). */
export function FileChoice({
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
