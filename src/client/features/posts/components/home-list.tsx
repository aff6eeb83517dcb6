import { useState } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { ListPage } from '../../../../shared/contract.ts';
import { shardQuery } from '../api/get-route-data.ts';
import { PostList } from './post-list.tsx';

/** The newest-first list: the first page from the entry, then shard after shard on demand. */
export function HomeList({ list, next }: { list: ListPage; next?: string }) {
  const [files, setFiles] = useState<string[]>([]);
  const shards = useQueries({ queries: files.map((f) => shardQuery(f)) });
  const posts = [...list.posts, ...shards.flatMap((s) => s.data?.posts ?? [])];
  const last = shards.at(-1);
  const nextFile = files.length === 0 ? next : last?.data?.next;
  return (
    <>
      <PostList posts={posts} />
      <p className="count">
        {posts.length} / {list.total}
      </p>
      {nextFile && (
        <button type="button" disabled={last?.isPending} onClick={() => setFiles([...files, nextFile])}>
          加载更多 / Load more
        </button>
      )}
    </>
  );
}
