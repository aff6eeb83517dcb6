// `/p/<page>/`: a standalone page.
import type { PageData } from '../../../../shared/contract.ts';
import MarkdownBody from './markdown-body.tsx';

export default function PageView({ page }: { page: PageData }) {
  return (
    <article className="article">
      <h1>{page.title}</h1>
      <MarkdownBody body={page.body} headings={[]} />
    </article>
  );
}
