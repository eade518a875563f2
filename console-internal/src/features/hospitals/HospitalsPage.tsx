import { FeaturePlaceholder } from '@medchannel/web-shared/components';

export default function HospitalsPage() {
  return <FeaturePlaceholder feature="hospitals" />;
}
