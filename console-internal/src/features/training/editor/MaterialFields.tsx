import { Button, Flex, Form, Input, Select, type FormListFieldData } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MaterialKind } from '@medchannel/shared-schema';
import type { CourseDetailFragment } from '../../../gql/graphql';
import { ErrorAt } from './fieldErrors';
import { FileChoice } from './FileChoice';

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
