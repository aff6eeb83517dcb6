// `/p/<page>/`: a standalone page.
import type { PageData } from '../../../../shared/contract.ts';
import { useBodyPlugins } from '../lib/use-body-plugins.ts';
import MarkdownBody from './markdown-body.tsx';

export default function PageView({ page }: { page: PageData }) {
  const { raw, cjk } = useBodyPlugins(page.rawHtml, page.body);
  return (
    <article className="article">
      <h1>{page.title}</h1>
      {raw !== null && cjk !== null && (
        <MarkdownBody body={page.body} headings={[]} rawPlugins={raw} cjkPlugins={cjk} />
      )}
    </article>
  );
}
