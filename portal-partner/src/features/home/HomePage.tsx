import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navFor } from '../../app/nav';
import { useCurrentUser, useFormat } from '@medchannel/web-shared';
import { EmptyState } from '@medchannel/web-shared/states';
import './home.css';

export default function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const format = useFormat();
  const shortcuts = navFor(user.role).filter((item) => item.feature !== 'home' && item.feature !== 'me');

  return (
    <>
      <div className="pp-hero" data-testid="welcome">
        <div className="pp-hero-title">{t('home.welcome', { name: user.displayName })}</div>
        <div className="pp-hero-sub">
          {t(`role.${user.role}`)} · {user.distributor?.name}
        </div>
        <div className="pp-hero-sub">{t('home.brand', { brand: user.brand.name, date: format.date(new Date().toISOString()) })}</div>
      </div>
      <div className="pp-shortcuts">
        {shortcuts.map((item) => (
          <Link key={item.path} to={item.path} className="pp-shortcut">
            <span className="pp-shortcut-icon">{item.icon}</span>
            <span>{t(`nav.${item.feature}`)}</span>
          </Link>
        ))}
      </div>
      <Card title={t('home.todo')} size="small">
        <EmptyState title={t('home.todoEmpty')} description={t('home.todoEmptyDescription')} />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12, textAlign: 'center' }}>
        {t('home.footer')}
      </Typography.Paragraph>
    </>
  );
}
