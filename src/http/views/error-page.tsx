import { Layout } from './layout.js';
import type { PageContext } from './page-context.js';
import { LinkParagraph } from './components/link-paragraph.js';

export function ErrorPage(props: { ctx: PageContext; status: number; message: string }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={ctx.t('errors.title')}>
      <h1>{`${ctx.t('errors.title')} ${props.status}`}</h1>
      <p>{props.message}</p>
      <LinkParagraph href="/">{ctx.t('errors.backToStart')}</LinkParagraph>
    </Layout>
  );
}
