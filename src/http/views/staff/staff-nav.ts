import type { TranslationKey } from '../../../i18n/i18n.js';
import type { IconName } from '../components/icon.js';

/**
 * The staff pages' navigation, one entry per page that exists, in the order shown. A new staff page
 * adds its entry here (its `access` the same as its route's `staffAccess`), and the bar shows it to
 * those who may open it: `member` to everyone acting for an organisation, `case-worker` to case
 * workers, `admin` to admins.
 */
export interface StaffNavItem {
  href: string;
  key: TranslationKey;
  icon: IconName;
  access: 'member' | 'case-worker' | 'admin';
}

export const staffNavigation: StaffNavItem[] = [
  { href: '/virkailija', key: 'staff.nav.start', icon: 'info', access: 'member' },
  { href: '/virkailija/laheta', key: 'staff.nav.send', icon: 'mailSend', access: 'case-worker' },
  { href: '/virkailija/lahetetyt', key: 'staff.nav.sent', icon: 'message', access: 'case-worker' },
  { href: '/virkailija/saapuneet', key: 'staff.received.nav', icon: 'mailReceive', access: 'case-worker' },
  { href: '/virkailija/suostumukset', key: 'staff.nav.consents', icon: 'checkCircle', access: 'case-worker' },
  { href: '/virkailija/tilastot', key: 'staff.nav.dashboard', icon: 'calendar', access: 'member' },
  { href: '/virkailija/hallinta', key: 'staffAdmin.nav.title', icon: 'settings', access: 'admin' },
];
