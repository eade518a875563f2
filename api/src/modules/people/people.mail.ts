import { MailKind, Role } from '@medchannel/shared-schema';
import type { Mail } from '../outbox';

/**
 * The words of the e-mails about a person's access, in both languages at once (a newly invited
 * person has chosen none yet): Chinese first, then English.
 */
interface Person {
  id: string;
  email: string;
  displayName: string;
}

const sign = '\n\n— MedChannel';

export function invitationMail(person: Person, link: string, inviter: string, hours: number): Mail {
  const days = Math.round(hours / 24);
  return {
    to: person.email,
    userId: person.id,
    kind: MailKind.INVITATION,
    subject: 'MedChannel 邀请您设置密码 / You are invited to MedChannel',
    text:
      `${person.displayName}，您好：\n\n${inviter} 邀请您使用 MedChannel。请打开下面的链接设置密码（${days} 天内有效，仅可使用一次）：\n\n${link}\n\n` +
      `Hello ${person.displayName},\n\n${inviter} invited you to MedChannel. Open this link to set your password (good for ${days} days, once):\n\n${link}${sign}`,
  };
}

/**
 * Someone who already signs in to MedChannel (for another brand) was invited to one more: no new
 * password, the one they have opens it, and the brand switcher shows it.
 */
export function membershipMail(person: Person, appUrl: string, inviter: string, brand: string): Mail {
  return {
    to: person.email,
    userId: person.id,
    kind: MailKind.INVITATION,
    subject: `MedChannel 邀请您加入 ${brand} / You are invited to ${brand} on MedChannel`,
    text:
      `${person.displayName}，您好：

${inviter} 邀请您在 MedChannel 中为 ${brand} 工作。请用您现在的邮箱和密码登录，在“我的”中切换品牌：

${appUrl}

` +
      `Hello ${person.displayName},

${inviter} invited you to work for ${brand} on MedChannel. Sign in with the e-mail and password you already use, and switch brands under "Me":

${appUrl}${sign}`,
  };
}

export function resetMail(person: Person, link: string, minutes: number): Mail {
  return {
    to: person.email,
    userId: person.id,
    kind: MailKind.PASSWORD_RESET,
    subject: 'MedChannel 重设密码 / Reset your MedChannel password',
    text:
      `${person.displayName}，您好：\n\n请打开下面的链接重设密码（${minutes} 分钟内有效，仅可使用一次）。如果不是您本人申请，请忽略本邮件。\n\n${link}\n\n` +
      `Hello ${person.displayName},\n\nOpen this link to choose a new password (good for ${minutes} minutes, once). If you did not ask for it, ignore this e-mail.\n\n${link}${sign}`,
  };
}

export function passwordChangedMail(person: Person): Mail {
  return {
    to: person.email,
    userId: person.id,
    kind: MailKind.PASSWORD_CHANGED,
    subject: 'MedChannel 密码已更改 / Your MedChannel password was changed',
    text:
      `${person.displayName}，您好：\n\n您的 MedChannel 密码刚刚已更改，其他设备上的登录已退出。如果不是您本人操作，请立即联系管理员。\n\n` +
      `Hello ${person.displayName},\n\nYour MedChannel password was just changed and your other sign-ins were ended. If this was not you, tell your administrator at once.${sign}`,
  };
}

export function accessMail(person: Person, disabled: boolean): Mail {
  return {
    to: person.email,
    userId: person.id,
    kind: disabled ? MailKind.ACCOUNT_DISABLED : MailKind.ACCOUNT_ENABLED,
    subject: disabled
      ? 'MedChannel 账号已停用 / Your MedChannel account was disabled'
      : 'MedChannel 账号已恢复 / Your MedChannel account is enabled again',
    text: disabled
      ? `${person.displayName}，您好：\n\n您的 MedChannel 账号已停用，所有登录已退出。\n\nHello ${person.displayName},\n\nYour MedChannel account was disabled and every sign-in ended.${sign}`
      : `${person.displayName}，您好：\n\n您的 MedChannel 账号已恢复，可以重新登录。\n\nHello ${person.displayName},\n\nYour MedChannel account is enabled again; you can sign in.${sign}`,
  };
}

const ROLE_WORDS: Partial<Record<Role, { zh: string; en: string }>> = {
  [Role.ADMIN]: { zh: '管理员', en: 'administrator' },
  [Role.REGIONAL_HEAD]: { zh: '区域负责人', en: 'regional head' },
  [Role.CHANNEL_MANAGER]: { zh: '渠道经理', en: 'channel manager' },
  [Role.ORDER_DESK]: { zh: '订单专员', en: 'order desk' },
  [Role.FINANCE]: { zh: '财务', en: 'finance' },
  [Role.TRAINER]: { zh: '培训师', en: 'trainer' },
  [Role.ENGINEER]: { zh: '工程师', en: 'engineer' },
};

/** A brand colleague's role or regions were changed by an admin: what they are now. */
export function roleChangedMail(person: Person, role: Role, regions: string[]): Mail {
  const words = ROLE_WORDS[role] ?? { zh: role, en: role };
  const zhRegions = regions.length ? regions.join('、') : '（无）';
  const enRegions = regions.length ? regions.join(', ') : '(none)';
  return {
    to: person.email,
    userId: person.id,
    kind: MailKind.ACCESS_CHANGED,
    subject: 'MedChannel 您的角色或区域已变更 / Your MedChannel role or regions changed',
    text:
      `${person.displayName}，您好：\n\n管理员更改了您在 MedChannel 中的权限。现在您的角色：${words.zh}；负责区域：${zhRegions}。如有疑问，请联系管理员。\n\n` +
      `Hello ${person.displayName},\n\nAn administrator changed your access in MedChannel. Your role is now ${words.en}; your regions: ${enRegions}. If this is unexpected, ask your administrator.${sign}`,
  };
}

/** An owner let a rep see the company's account (invoices, payments, statements), or stopped it. */
export function financeAccessMail(person: Person, allowed: boolean): Mail {
  return {
    to: person.email,
    userId: person.id,
    kind: MailKind.ACCESS_CHANGED,
    subject: allowed
      ? 'MedChannel 您已可查看账务 / You can now see the account in MedChannel'
      : 'MedChannel 您已不能查看账务 / You can no longer see the account in MedChannel',
    text: allowed
      ? `${person.displayName}，您好：\n\n负责人已允许您查看公司的账务（发票、付款、对账单）。\n\nHello ${person.displayName},\n\nYour owner let you see the company's account (invoices, payments, statements).${sign}`
      : `${person.displayName}，您好：\n\n负责人已停止您查看公司的账务（发票、付款、对账单）。\n\nHello ${person.displayName},\n\nYour owner stopped your access to the company's account (invoices, payments, statements).${sign}`,
  };
}
