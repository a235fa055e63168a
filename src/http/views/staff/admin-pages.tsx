import type { ComponentChildren } from 'preact';
import { NavLinks } from '../components/nav-links.js';
import type { PageContext } from '../page-context.js';
import { adminBase, adminPaths } from './admin-parts.js';
import { StaffLayout, type StaffFrame } from './staff-layout.js';

/** The organisation's staff and their roles. */
export const adminStaffPath = `${adminBase}/henkilosto`;

function isCurrent(ctx: PageContext, href: string): boolean {
  const path = ctx.currentPath.split('?')[0] ?? '';
  return path === href || path.startsWith(`${href}/`);
}

/** The admin area's own links (services, credentials), above each admin page's body. */
function AdminNav(props: { ctx: PageContext }) {
  const { t } = props.ctx;
  const links = [
    { href: adminPaths.services, text: t('staffAdmin.nav.services') },
    { href: adminPaths.credentials, text: t('staffAdmin.nav.credentials') },
    { href: adminStaffPath, text: t('staffAdmin.nav.staff') },
  ];
  return (
    <NavLinks
      block="admin-nav"
      label={t('staffAdmin.nav.label')}
      links={links.map((link) => ({ ...link, current: isCurrent(props.ctx, link.href) }))}
    />
  );
}

export interface AdminStaffPageProps {
  ctx: PageContext;
  frame: StaffFrame;
  title: string;
  hasErrors?: boolean | undefined;
  children: ComponentChildren;
}

/** An organisation admin's page: an admin page body in the staff frame, with the admin area's links. */
export function AdminStaffPage(props: AdminStaffPageProps) {
  return (
    <StaffLayout ctx={props.ctx} title={props.title} frame={props.frame} hasErrors={props.hasErrors}>
      <AdminNav ctx={props.ctx} />
      {props.children}
    </StaffLayout>
  );
}
