import { FeaturePlaceholder } from '../../components/FeaturePlaceholder';

export default function TrainingPage() {
  return <FeaturePlaceholder feature="training" />;
}
