import type { ComponentChildren } from 'preact';
import { AccountNav } from '../components/account-nav.js';
import { LogoutButton } from '../components/logout-button.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';
import { staffNavigation, type StaffNavItem } from './staff-nav.js';

/** What the staff pages' frame shows of the signed-in staff member (from request.staff). */
export interface StaffFrame {
  name: string;
  organisationName: string;
  roles: { admin: boolean; servicePks: number[] | 'all' };
  /** More than one organisation: the switch is offered. */
  organisationCount: number;
  csrfToken: string;
}

function mayOpen(item: StaffNavItem, roles: StaffFrame['roles']): boolean {
  if (item.access === 'admin') return roles.admin;
  if (item.access === 'case-worker') return roles.servicePks === 'all' || roles.servicePks.length > 0;
  return true;
}

function isCurrent(ctx: PageContext, href: string): boolean {
  const path = ctx.currentPath.split('?')[0] ?? '';
  return href === '/virkailija' ? path === href : path === href || path.startsWith(`${href}/`);
}

/**
 * The staff member's bar: who, for which organisation, the organisation switch, logout, and the
 * staff navigation (the entries of staffNavigation this person may open). The citizen bar's look.
 */
export function StaffBar(props: { ctx: PageContext; frame: StaffFrame | undefined }) {
  const { ctx, frame } = props;
  const { t } = ctx;
  return (
    <div class="account-bar">
      <div class="account-bar__inner">
        <p class="account-bar__name">
          {frame
            ? t('staff.nav.signedInAs', { name: frame.name, organisation: frame.organisationName })
            : t('staff.meta.area')}
        </p>
        {frame && frame.organisationCount > 1 && (
          <a href="/virkailija/organisaatio">{t('staff.nav.switchOrganisation')}</a>
        )}
        {frame && (
          <LogoutButton
            action="/virkailija/kirjaudu-ulos"
            csrfToken={frame.csrfToken}
            text={t('staff.nav.logout')}
          />
        )}
      </div>
      {frame && (
        <AccountNav
          label={t('staff.nav.label')}
          links={staffNavigation
            .filter((item) => mayOpen(item, frame.roles))
            .map((item) => ({
              href: item.href,
              icon: item.icon,
              text: t(item.key),
              current: isCurrent(ctx, item.href),
            }))}
        />
      )}
    </div>
  );
}

export interface StaffLayoutProps {
  ctx: PageContext;
  title: string;
  /** The signed-in staff member acting for an organisation; absent on sign-in and logout pages. */
  frame?: StaffFrame | undefined;
  hasErrors?: boolean | undefined;
  children: ComponentChildren;
}

/** The staff pages' frame: the citizen portal's layout with the staff bar in its banner. */
export function StaffLayout(props: StaffLayoutProps) {
  return (
    <Layout
      ctx={props.ctx}
      title={`${props.title} – ${props.ctx.t('staff.meta.area')}`}
      hasErrors={props.hasErrors}
      homeHref="/virkailija"
      accountBar={<StaffBar ctx={props.ctx} frame={props.frame} />}
    >
      {props.children}
    </Layout>
  );
}
