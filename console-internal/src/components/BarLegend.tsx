import { Flex, Typography } from 'antd';

/** The colour key above a set of stacked bars (aging buckets, training progress): a swatch and a word each. */
export function BarLegend({ items }: { items: ReadonlyArray<{ key: string; color: string; label: string }> }) {
  return (
    <Flex gap={16} wrap style={{ marginBottom: 12 }}>
      {items.map((item) => (
        <Flex key={item.key} gap={6} align="center">
          <span style={{ width: 12, height: 12, borderRadius: 2, background: item.color, display: 'inline-block' }} />
          <Typography.Text type="secondary">{item.label}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
