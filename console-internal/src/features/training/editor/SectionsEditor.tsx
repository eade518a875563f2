import { Button, Card, Flex, Form, Input, Space, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CourseDetailFragment } from '../../../gql/graphql';
import { NEW_MATERIAL, NEW_SECTION } from './content';
import { ErrorAt } from './fieldErrors';
import { MaterialFields } from './MaterialFields';

/** The course's sections in order (added, removed, moved up or down), each with its materials. */
export function SectionsEditor({ course }: { course: CourseDetailFragment | null }) {
  const { t } = useTranslation();
  return (
    <Form.List name="sections">
      {(sections, { add, remove, move }) => (
        <Flex vertical gap={12}>
          <ErrorAt path="sections" />
          {sections.map((section, i) => (
            <Card
              key={section.key}
              size="small"
              title={t('editor.sectionN', { n: i + 1 })}
              data-testid={`section-${i}`}
              extra={
                <Space size={4}>
                  <Tooltip title={t('editor.moveUp')}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                      data-testid="section-up"
                    />
                  </Tooltip>
                  <Tooltip title={t('editor.moveDown')}>
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      disabled={i === sections.length - 1}
                      onClick={() => move(i, i + 1)}
                      data-testid="section-down"
                    />
                  </Tooltip>
                  <Tooltip title={t('editor.removeSection')}>
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(section.name)}
                      data-testid="section-remove"
                    />
                  </Tooltip>
                </Space>
              }
            >
              <Form.Item
                name={[section.name, 'title']}
                rules={[{ required: true, whitespace: true, message: t('editor.sectionTitleRequired') }]}
              >
                <Input maxLength={200} placeholder={t('editor.sectionTitle')} data-testid="section-title" />
              </Form.Item>
              <Form.List name={[section.name, 'materials']}>
                {(materials, ops) => (
                  <>
                    <ErrorAt path={`sections.${i}.materials`} />
                    {materials.map((material, j) => (
                      <MaterialFields
                        key={material.key}
                        field={material}
                        path={[i, j]}
                        course={course}
                        onRemove={() => ops.remove(material.name)}
                      />
                    ))}
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => ops.add({ ...NEW_MATERIAL })}
                      data-testid="material-add"
                    >
                      {t('editor.addMaterial')}
                    </Button>
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(structuredClone(NEW_SECTION))}
            data-testid="section-add"
          >
            {t('editor.addSection')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
