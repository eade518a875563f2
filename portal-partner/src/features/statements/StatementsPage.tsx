import { FeaturePlaceholder } from '@medchannel/web-shared/components';

export default function StatementsPage() {
  return <FeaturePlaceholder feature="statements" />;
}
