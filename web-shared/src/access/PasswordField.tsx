import { Flex, Form, Input, Progress, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordProblems, passwordStrength } from '@medchannel/shared-schema';

const COLORS = ['#d4380d', '#fa8c16', '#1677ff', '#389e0d'];

/**
 * A new password with the policy's strength meter (shared-schema people.ts: the same rule the API
 * enforces), its problems worded as the person types.
 */
export function NewPasswordField({
  name,
  label,
  person,
  testId,
}: {
  name: string;
  label: string;
  person?: { email?: string; name?: string };
  testId: string;
}) {
  const { t } = useTranslation();
  const value: string = Form.useWatch(name) ?? '';
  const strength = passwordStrength(value, person);
  return (
    <Form.Item
      name={name}
      label={label}
      extra={
        <Flex vertical gap={2} style={{ marginTop: 4 }}>
          <Flex align="center" gap={8}>
            <Progress
              percent={value ? ((strength + 1) / 4) * 100 : 0}
              showInfo={false}
              size="small"
              strokeColor={COLORS[strength]}
              style={{ flex: 1, margin: 0 }}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-strength`}>
              {value ? t(`access.strength.${strength}`) : ''}
            </Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('access.policy', { min: PASSWORD_MIN_LENGTH })}
          </Typography.Text>
        </Flex>
      }
      rules={[
        { required: true, message: t('login.passwordRequired') },
        {
          validator: (_, v: string) => {
            const problems = v ? passwordProblems(v, person) : [];
            return problems.length
              ? Promise.reject(
                  new Error(problems.map((p) => t(`access.problem.${p}`, { min: PASSWORD_MIN_LENGTH })).join(' ')),
                )
              : Promise.resolve();
          },
        },
      ]}
    >
      <Input.Password prefix={<LockOutlined />} autoComplete="new-password" size="large" data-testid={testId} />
    </Form.Item>
  );
}
