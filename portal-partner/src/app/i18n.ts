import { initI18n } from '@medchannel/web-shared';
import zhCN from '../locales/zh-CN.json';
import en from '../locales/en.json';

/** This app's strings over the shared ones (login, states, errors, roles) in web-shared/src/locales. */
initI18n({ 'zh-CN': zhCN, en });
