import type { ReactNode } from 'react';
import { Button, Card, Col, DatePicker, Form, Row, type FormListFieldData } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_VISIT_ITEMS } from '@medchannel/shared-schema';

/**
 * A note's list of items (tasks, commitments): one row per item with its own fields, then its due
 * date and a remove button; an add button under it while the list is below MAX_VISIT_ITEMS.
 * Rows are `<testId>-<i>`, buttons `<testId>-add` and `<testId>-remove`, the date `<testId>-due`.
 */
export function ItemList({
  name,
  testId,
  title,
  extra,
  addLabel,
  newItem,
  disabled,
  children,
}: {
  name: string;
  testId: string;
  title: string;
  extra?: string;
  addLabel: string;
  newItem: () => object;
  disabled?: boolean;
  children: (field: FormListFieldData) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }}>
      <Form.List name={name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} align="top" data-testid={`${testId}-${i}`}>
                {children(field)}
                <Col flex="150px">
                  <Form.Item name={[field.name, 'dueOn']}>
                    <DatePicker placeholder={t('note.dueOn')} data-testid={`${testId}-due`} />
                  </Form.Item>
                </Col>
                <Col flex="24px">
                  <MinusCircleOutlined
                    style={{ marginTop: 8 }}
                    onClick={() => remove(field.name)}
                    data-testid={`${testId}-remove`}
                  />
                </Col>
              </Row>
            ))}
            {fields.length < MAX_VISIT_ITEMS && (
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={disabled}
                onClick={() => add(newItem())}
                data-testid={`${testId}-add`}
              >
                {addLabel}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Card>
  );
}
