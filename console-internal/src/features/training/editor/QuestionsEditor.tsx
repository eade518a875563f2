import { Button, Card, Checkbox, Flex, Form, Input, Select, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { QuestionKind } from '@medchannel/shared-schema';
import { NEW_QUESTION, type CourseValues } from './content';
import { ErrorAt } from './fieldErrors';

/** The quiz: single or multiple choice questions, each option marked right or not. */
export function QuestionsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="questions">
      {(questions, { add, remove }) => (
        <Flex vertical gap={12}>
          <ErrorAt path="questions" />
          {questions.map((question, i) => (
            <Card
              key={question.key}
              size="small"
              title={t('editor.questionN', { n: i + 1 })}
              data-testid={`question-${i}`}
              extra={
                <Tooltip title={t('editor.removeQuestion')}>
                  <Button
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(question.name)}
                    data-testid="question-remove"
                  />
                </Tooltip>
              }
            >
              <Flex gap={8} align="start">
                <Form.Item name={[question.name, 'kind']} style={{ width: 120 }}>
                  <Select
                    options={Object.values(QuestionKind).map((k) => ({ value: k, label: t(`questionKind.${k}`) }))}
                    data-testid="question-kind"
                  />
                </Form.Item>
                <Form.Item
                  name={[question.name, 'prompt']}
                  style={{ flex: 1 }}
                  rules={[{ required: true, whitespace: true, message: t('editor.promptRequired') }]}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    placeholder={t('editor.prompt')}
                    data-testid="question-prompt"
                  />
                </Form.Item>
              </Flex>
              <Options question={i} listName={question.name} />
            </Card>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(structuredClone(NEW_QUESTION))}
            data-testid="question-add"
          >
            {t('editor.addQuestion')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** A question's options; on a single-choice question marking one right unmarks the others. */
function Options({ question, listName }: { question: number; listName: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CourseValues>();
  const markRight = (option: number, checked: boolean) => {
    const q = form.getFieldValue(['questions', question]) as CourseValues['questions'][number];
    if (!checked || q.kind !== QuestionKind.SINGLE) return;
    form.setFieldValue(
      ['questions', question, 'options'],
      q.options.map((o, j) => ({ ...o, correct: j === option })),
    );
  };
  return (
    <Form.List name={[listName, 'options']}>
      {(options, { add, remove }) => (
        <>
          {options.map((option, j) => (
            <Flex key={option.key} gap={8} align="start" data-testid={`option-${j}`}>
              <Form.Item
                name={[option.name, 'correct']}
                valuePropName="checked"
                style={{ marginBottom: 8, paddingTop: 5 }}
              >
                <Checkbox onChange={(e) => markRight(j, e.target.checked)} data-testid="option-correct">
                  {t('editor.right')}
                </Checkbox>
              </Form.Item>
              <Form.Item
                name={[option.name, 'text']}
                style={{ flex: 1, marginBottom: 8 }}
                rules={[{ required: true, whitespace: true, message: t('editor.optionRequired') }]}
              >
                <Input maxLength={500} placeholder={t('editor.optionN', { n: j + 1 })} data-testid="option-text" />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                onClick={() => remove(option.name)}
                aria-label={t('editor.removeOption')}
                data-testid="option-remove"
              />
            </Flex>
          ))}
          <ErrorAt path={`questions.${question}.options`} />
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() => add({ text: '', correct: false })}
            data-testid="option-add"
          >
            {t('editor.addOption')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
