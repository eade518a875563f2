import { Button, Form, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAX_CO_VISIT_SLOTS } from '@medchannel/shared-schema';
import { SlotField, emptySlot, slotRule } from './slots';

/** The times offered, one to MAX_CO_VISIT_SLOTS, for the other side to pick. */
export function PlanSlots() {
  const { t } = useTranslation();
  return (
    <Form.List name="slots">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, i) => (
            <Space key={field.key} align="baseline" data-testid={`slot-${i}`}>
              <Form.Item name={field.name} rules={[slotRule(t('visit.slot.incomplete'))]}>
                <SlotField />
              </Form.Item>
              {fields.length > 1 && (
                <MinusCircleOutlined onClick={() => remove(field.name)} data-testid="slot-remove" />
              )}
            </Space>
          ))}
          {fields.length < MAX_CO_VISIT_SLOTS && (
            <Form.Item>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(emptySlot())} data-testid="slot-add">
                {t('visit.slot.add')}
              </Button>
            </Form.Item>
          )}
        </>
      )}
    </Form.List>
  );
}
