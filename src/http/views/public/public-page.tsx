import type { ComponentChildren } from 'preact';
import { Breadcrumbs, type Crumb } from '../components/breadcrumbs.js';
import { Layout } from '../layout.js';
import type { PageContext } from '../page-context.js';

export interface PublicPageProps {
  ctx: PageContext;
  /** The page's heading, its last breadcrumb and (with the service name) its title. */
  title: string;
  /** The document title when it differs from the heading (an error prefix, a search query). */
  documentTitle?: string | undefined;
  /** Pages between the start page and this one. */
  parents?: Crumb[];
  children: ComponentChildren;
}

/** A public page below the start page: breadcrumbs, one heading, the content. */
export function PublicPage(props: PublicPageProps) {
  const { t } = props.ctx;
  const trail: Crumb[] = [
    { label: t('public.breadcrumbs.home'), href: '/' },
    ...(props.parents ?? []),
    { label: props.title },
  ];
  return (
    <Layout ctx={props.ctx} title={props.documentTitle ?? props.title}>
      <Breadcrumbs label={t('public.breadcrumbs.label')} trail={trail} />
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}
