import { FeaturePlaceholder } from '@medchannel/web-shared/components';

export default function VisitsPage() {
  return <FeaturePlaceholder feature="visits" />;
}
