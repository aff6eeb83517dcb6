import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { PostData } from '../../../../shared/contract.ts';

export default function Article({ post }: { post: PostData }) {
  return (
    <article>
      <h1>{post.title}</h1>
      <p className="meta">
        {post.date && <time dateTime={post.date}>{post.date.slice(0, 10)}</time>}
        {post.authors.length > 0 && <span> · {post.authors.join(', ')}</span>}
        <span> · {post.readingMinutes} min</span>
      </p>
      <Markdown remarkPlugins={[remarkGfm]}>{post.body}</Markdown>
    </article>
  );
}
