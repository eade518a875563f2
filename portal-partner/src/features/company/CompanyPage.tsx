import { useRef, useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Role } from '@medchannel/shared-schema';
import { useFormat } from '@medchannel/web-shared';
import { AuthorizationKindTag, AuthorizationStatusTag, ExpiryTag, PageHeader, URGENT_EXPIRY, downloadFile } from '@medchannel/web-shared/components';
import { EmptyState, ErrorState, LoadingState } from '@medchannel/web-shared/states';
import { MyCompanyDocument, type MyQualificationFragment } from '../../gql/graphql';
import { PeopleCard } from './PeopleCard';
import { uploadScan } from './upload';

const names = (items: Array<{ name: string }>) => items.map((i) => i.name).join('、');

/** 我的公司: the distributor's profile, documents, what it may sell where, and its second tier (owner). */
export default function CompanyPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data, loading, error, refetch } = useQuery(MyCompanyDocument, { fetchPolicy: 'cache-and-network' });

  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <LoadingState />;
  const me = data?.me;
  const d = me?.distributor;
  if (!me || !d) return <EmptyState title={t('company.none')} />;
  const owner = me.role === Role.OWNER;
  const urgent = d.qualifications.filter((q) => URGENT_EXPIRY.has(q.expiry.level));
  const region = d.region ? [d.region.parent?.name, d.region.name].filter(Boolean).join(' / ') : '—';

  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('company.title')} subtitle={d.name} extra={<PackButton distributorId={d.id} code={d.code} />} />
      {urgent.length > 0 && (
        <Alert
          type={urgent.some((q) => q.expiry.level === 'EXPIRED') ? 'error' : 'warning'}
          showIcon
          data-testid="company-warning"
          title={t('company.warningTitle')}
          description={t(owner ? 'company.warningOwner' : 'company.warningRep')}
        />
      )}
      <Card size="small" title={t('company.profile')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          // On a phone every line counts: fields the brand has not filled in yet are left out.
          items={[
            { key: 'code', label: t('company.code'), children: d.code },
            { key: 'region', label: t('company.region'), children: region },
            { key: 'tier', label: t('company.tier'), children: t('company.tierValue', { tier: d.tier }) },
            { key: 'credit', label: t('company.creditCode'), children: d.creditCode },
            { key: 'capital', label: t('company.registeredCapital'), children: d.registeredCapital ? format.money(d.registeredCapital) : null },
            { key: 'contact', label: t('company.contact'), children: [d.contactName, d.contactPhone].filter(Boolean).join(' · ') || null },
            { key: 'address', label: t('company.address'), children: d.address },
          ].filter((item) => item.children)}
        />
      </Card>

      <Card size="small" title={t('company.documents')} data-testid="company-documents">
        {d.qualifications.length === 0 ? (
          <EmptyState title={t('company.noDocuments')} description={t('company.noDocumentsDescription')} />
        ) : (
          <div className="pp-list">
            {d.qualifications.map((q) => (
              <QualificationItem key={q.id} q={q} canUpload={owner} onUploaded={() => void refetch()} />
            ))}
          </div>
        )}
      </Card>

      <Card size="small" title={t('company.authorizations')} data-testid="my-authorizations">
        {d.authorizations.length === 0 ? (
          <EmptyState title={t('company.noAuthorizations')} description={t('company.noAuthorizationsDescription')} />
        ) : (
          <div className="pp-list">
            {d.authorizations.map((a) => (
              <div key={a.id} className="pp-item" data-testid="authorization">
                <Flex justify="space-between" align="flex-start" gap={8}>
                  <Typography.Text strong>{names([...a.productLines, ...a.products])}</Typography.Text>
                  <AuthorizationStatusTag status={a.status} />
                </Flex>
                <div className="pp-item-line">
                  <span className="pp-item-label">{t('company.where')}</span>
                  {names([...a.regions, ...a.hospitals])}
                </div>
                <div className="pp-item-line">
                  <span className="pp-item-label">{t('company.until')}</span>
                  {format.date(a.validFrom)} – {format.date(a.revokedFrom ?? a.validTo)}
                </div>
                <div style={{ marginTop: 6 }}>
                  <AuthorizationKindTag kind={a.kind} exclusive={a.exclusive} />
                </div>
              </div>
            ))}
          </div>
        )}
      </Card>

      {owner && <PeopleCard distributorId={d.id} />}

      {owner && (
        <Card size="small" title={t('company.secondTier')} data-testid="second-tier">
          {d.secondTier.length === 0 ? (
            <EmptyState title={t('company.noSecondTier')} />
          ) : (
            <div className="pp-list">
              {d.secondTier.map((s) => (
                <div key={s.id} className="pp-item">
                  <Flex justify="space-between" align="center" gap={8}>
                    <Typography.Text strong>{s.name}</Typography.Text>
                    <Tag>{t(`stage.${s.stage}`)}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[s.code, s.region?.name].filter(Boolean).join(' · ')}
                  </Typography.Text>
                </div>
              ))}
            </div>
          )}
        </Card>
      )}
    </Flex>
  );
}

/** The pack hospitals ask for: licence scans, an authorization letter per live grant, the registration list. */
function PackButton({ distributorId, code }: { distributorId: string; code: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    const ok = await downloadFile(`/files/packs/${encodeURIComponent(distributorId)}.zip`, 'portal', t('company.packFile', { code }));
    setBusy(false);
    setFailed(!ok);
  };
  return (
    <Flex vertical gap={4} align="flex-start">
      <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void download()} data-testid="download-pack">
        {t('company.pack')}
      </Button>
      {failed && (
        <Typography.Text type="danger" data-testid="pack-error">
          {t('company.packFailed')}
        </Typography.Text>
      )}
    </Flex>
  );
}

function QualificationItem({ q, canUpload, onUploaded }: { q: MyQualificationFragment; canUpload: boolean; onUploaded: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    setDone(false);
    const result = await uploadScan(q.id, file);
    setBusy(false);
    if (input.current) input.current.value = '';
    if (result.ok) {
      setDone(true);
      onUploaded();
    } else {
      setFailure(t(`errors.reason.${result.reason}`, { defaultValue: t(`errors.code.${result.code}`) }));
    }
  };

  return (
    <div className="pp-item" data-testid={`qualification-${q.type}`}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong>{t(`qualType.${q.type}`)}</Typography.Text>
        <ExpiryTag expiry={q.expiry} showOk />
      </Flex>
      <div className="pp-item-line">
        <span className="pp-item-label">{t('company.number')}</span>
        {q.number}
      </div>
      <div className="pp-item-line">
        <span className="pp-item-label">{t('company.validTo')}</span>
        {q.validTo ? format.date(q.validTo) : t('expiry.noEnd')}
        {q.deviceClasses.length > 0 && ` · ${t('company.classes', { classes: q.deviceClasses.join(' / ') })}`}
      </div>
      <Flex gap={8} wrap align="center" style={{ marginTop: 8 }}>
        {q.file ? (
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => {
              const file = q.file;
              if (!file) return;
              void downloadFile(file.url, 'portal', file.name).then((ok) => setFailure(ok ? null : t('errors.code.INTERNAL')));
            }}
            data-testid={`download-${q.type}`}
          >
            {q.file.name}
          </Button>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('company.noScan')}
          </Typography.Text>
        )}
        {canUpload && (
          <>
            <input
              ref={input}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              hidden
              data-testid={`upload-${q.type}`}
              onChange={(e) => void pick(e.target.files?.[0])}
            />
            <Button size="small" type="primary" ghost icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
              {q.file ? t('company.replaceScan') : t('company.uploadScan')}
            </Button>
          </>
        )}
      </Flex>
      {failure && <Alert type="error" showIcon style={{ marginTop: 8 }} title={failure} data-testid="upload-error" />}
      {done && <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('company.uploaded')} data-testid="upload-done" />}
    </div>
  );
}
