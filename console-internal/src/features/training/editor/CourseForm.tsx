import { Card, Col, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { CourseKind } from '@medchannel/shared-schema';
import type { CourseDetailFragment } from '../../../gql/graphql';
import { ProductLineSelect } from '../ProductLineSelect';
import type { CourseValues } from './content';
import { ErrorAt } from './fieldErrors';
import { QuestionsEditor } from './QuestionsEditor';
import { SectionsEditor } from './SectionsEditor';

interface Props {
  form: FormInstance<CourseValues>;
  initial: CourseValues;
  course: CourseDetailFragment | null;
  readOnly: boolean;
  onChange: () => void;
}

/** Everything a course version holds: its face and rules, the sections with their materials, the quiz. */
export function CourseForm({ form, initial, course, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const kind = Form.useWatch('kind', form);
  const whole = (min: number, max: number, label: string) => [
    { required: true, type: 'integer' as const, min, max, message: t('editor.between', { label, min, max }) },
  ];

  return (
    <Form<CourseValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={readOnly}
      onValuesChange={onChange}
      data-testid="course-form"
    >
      <Card title={t('editor.basics')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={16}>
            <Form.Item
              name="title"
              label={t('course.title')}
              rules={[{ required: true, whitespace: true, message: t('editor.titleRequired') }]}
            >
              <Input maxLength={200} data-testid="course-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('course.kind')}>
              <Select
                options={Object.values(CourseKind).map((k) => ({ value: k, label: t(`courseKind.${k}`) }))}
                data-testid="course-kind"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('editor.summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid="course-summary" />
        </Form.Item>
        <Form.Item
          name="productLineIds"
          label={t('course.productLines')}
          extra={kind === CourseKind.PRODUCT ? t('editor.linesHint') : undefined}
          style={{ marginBottom: 8 }}
        >
          <ProductLineSelect<string[]> mode="multiple" data-testid="course-lines" />
        </Form.Item>
        <ErrorAt path="productLineIds" />
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="passScore" label={t('editor.passScore')} rules={whole(1, 100, t('editor.passScore'))}>
              <InputNumber
                min={1}
                max={100}
                precision={0}
                suffix="%"
                style={{ width: '100%' }}
                data-testid="course-pass-score"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="maxAttempts" label={t('editor.maxAttempts')} rules={whole(1, 20, t('editor.maxAttempts'))}>
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} data-testid="course-attempts" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="validityMonths"
              label={t('editor.validityMonths')}
              rules={whole(1, 120, t('editor.validityMonths'))}
            >
              <InputNumber
                min={1}
                max={120}
                precision={0}
                suffix={t('editor.months')}
                style={{ width: '100%' }}
                data-testid="course-validity"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card title={t('editor.sections')} size="small" style={{ marginBottom: 16 }}>
        <SectionsEditor course={course} />
      </Card>
      <Card title={t('editor.quiz')} size="small">
        <QuestionsEditor />
      </Card>
    </Form>
  );
}
