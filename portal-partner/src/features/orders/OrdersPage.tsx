import { FeaturePlaceholder } from '../../components/FeaturePlaceholder';

export default function OrdersPage() {
  return <FeaturePlaceholder feature="orders" />;
}
