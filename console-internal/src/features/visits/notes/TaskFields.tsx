import { Col, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ItemList } from './ItemList';

export interface TaskValue {
  title: string;
  ownerId?: string;
  dueOn?: Dayjs;
}

/** Follow-up tasks: what, who (the author or someone on the CC list), by when. Form list `tasks`. */
export function TaskFields({ owners }: { owners: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  return (
    <ItemList
      name="tasks"
      testId="task"
      title={t('note.tasks')}
      addLabel={t('note.taskAdd')}
      newItem={() => ({ title: '' })}
    >
      {(field) => (
        <>
          <Col flex="auto">
            <Form.Item
              name={[field.name, 'title']}
              rules={[{ required: true, whitespace: true, message: t('note.taskTitleRequired') }]}
            >
              <Input maxLength={500} placeholder={t('note.taskTitle')} data-testid="task-title" />
            </Form.Item>
          </Col>
          <Col flex="180px">
            <Form.Item name={[field.name, 'ownerId']}>
              <Select allowClear placeholder={t('note.taskOwnerMe')} options={owners} data-testid="task-owner" />
            </Form.Item>
          </Col>
        </>
      )}
    </ItemList>
  );
}
