import type { ThemeConfig } from 'antd';

// Issue 23 "Accessible", for a rep's thumb in a hospital corridor (e2e/portal-tap-targets.e2e.ts
// measures it): every control at least 44 px high, small ones too; grey text dark enough for
// 4.5:1 on white and on the page's #f5f7fa; links and error red that pass on white as well.
// The console keeps antd's defaults (web-shared's WebApp applies these over the shared tokens).
export const portalTheme: ThemeConfig = {
  token: {
    controlHeight: 44,
    controlHeightSM: 44,
    controlHeightLG: 52,
    fontSize: 15,
    fontSizeSM: 13,
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorInfo: '#1565c0',
    colorLink: '#1565c0',
    // the unread badge's white and a danger button's text on white: 5.6:1 (antd's #ff4d4f: 3.3:1);
    // alerts keep antd's light tints (derived from this darker red they would turn muddy)
    colorError: '#cf1322',
    colorErrorBg: '#fff2f0',
    colorErrorBgHover: '#fff1f0',
    colorErrorBorder: '#ffccc7',
    // a phone keeps :hover after a tap: the pressed primary button stays as dark as it was
    colorPrimaryHover: '#0f56a8',
    colorLinkHover: '#0f56a8',
  },
  components: {
    // the track's 2 px padding inside, the items themselves 44 px
    Segmented: { controlHeight: 48, controlHeightSM: 48, controlHeightLG: 56 },
  },
};
