import { FeaturePlaceholder } from '@medchannel/web-shared/components';

export default function TrainingPage() {
  return <FeaturePlaceholder feature="training" />;
}
