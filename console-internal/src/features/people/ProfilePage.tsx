import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@medchannel/web-shared';
import { PageHeader } from '@medchannel/web-shared/components';
import { ChangePasswordCard, SessionsCard } from '@medchannel/web-shared/access';
import './strings';

/** 个人设置: who I am, my password, the devices I am signed in on. */
export default function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('nav.profile')} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('people.name')}>{user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('login.email')}>{user.email}</Descriptions.Item>
              <Descriptions.Item label={t('people.role')}>{t(`role.${user.role}`)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <ChangePasswordCard />
        </Col>
        <Col xs={24} lg={12}>
          <SessionsCard />
        </Col>
      </Row>
    </>
  );
}
