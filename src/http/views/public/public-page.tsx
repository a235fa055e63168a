import type { ComponentChildren } from 'preact';
import type { Crumb } from '../components/breadcrumbs.js';
import { Layout, type LayoutProps } from '../layout.js';

export interface PublicPageProps extends Pick<LayoutProps, 'ctx' | 'hasErrors'> {
  /** The page's heading, its last breadcrumb and (with the service name) its title. */
  title: string;
  /** Pages between the start page and this one. */
  parents?: Crumb[];
  children: ComponentChildren;
}

/**
 * A page below the start page, public or the signed-in person's own: breadcrumbs, one heading, the
 * content. The heading is the title and the last breadcrumb, so the three cannot disagree.
 */
export function PublicPage(props: PublicPageProps) {
  return (
    <Layout
      ctx={props.ctx}
      title={props.title}
      hasErrors={props.hasErrors}
      breadcrumbs={[...(props.parents ?? []), { label: props.title }]}
    >
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}
