import type { ComponentChildren } from 'preact';
import type { PageContext } from '../page-context.js';
import { adminPaths, type AdminPaths } from './admin-parts.js';
import { StaffLayout, type StaffFrame } from './staff-layout.js';

/** The admin area's mount point; adminPaths(adminBase) gives its pages. */
export const adminBase = '/virkailija/hallinta';

/** The organisation's staff and their roles. */
export const adminStaffPath = `${adminBase}/henkilosto`;

function isCurrent(ctx: PageContext, href: string): boolean {
  const path = ctx.currentPath.split('?')[0] ?? '';
  return path === href || path.startsWith(`${href}/`);
}

/** The admin area's own links (services, credentials), above each admin page's body. */
function AdminNav(props: { ctx: PageContext; paths: AdminPaths }) {
  const { ctx, paths } = props;
  const { t } = ctx;
  const links = [
    { href: paths.services, text: t('staffAdmin.nav.services') },
    { href: paths.credentials, text: t('staffAdmin.nav.credentials') },
    { href: adminStaffPath, text: t('staffAdmin.nav.staff') },
  ];
  return (
    <nav class="admin-nav" aria-label={t('staffAdmin.nav.label')}>
      <ul class="admin-nav__list">
        {links.map((link) => (
          <li>
            <a
              class="admin-nav__link"
              href={link.href}
              aria-current={isCurrent(ctx, link.href) ? 'page' : undefined}
            >
              {link.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
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
      <AdminNav ctx={props.ctx} paths={adminPaths(adminBase)} />
      {props.children}
    </StaffLayout>
  );
}
