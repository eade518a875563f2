import { FeaturePlaceholder } from '@medchannel/web-shared/components';

export default function FinancePage() {
  return <FeaturePlaceholder feature="finance" />;
}
