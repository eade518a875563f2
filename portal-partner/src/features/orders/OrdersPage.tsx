import { FeaturePlaceholder } from '@medchannel/web-shared/components';

export default function OrdersPage() {
  return <FeaturePlaceholder feature="orders" />;
}
