// Writes the browser tests' second site: 2,000 generated posts, a hostile post, a post whose image
// is broken, and a post saved twice. `tsx tests/e2e/make-archive.ts <folder>`.
import fs from 'node:fs';
import path from 'node:path';
import { generateCorpus } from '../bench/generate-corpus.ts';

const dir = path.resolve(process.argv[2] ?? 'reports/archive-content');
fs.rmSync(dir, { recursive: true, force: true });
generateCorpus(dir, 2000);
fs.writeFileSync(
  path.join(dir, 'posts/2018-01-01-hostile.md'),
  `---
title: "安全测试 <script>window.__pwned='title'</script>"
date: 2018-01-01 12:00:00 +0800
author: "<img src=x onerror=window.__pwned='author'>"
tags: [安全测试, "<script>window.__pwned='tag'</script>"]
---
<script>window.__pwned = 'script'; alert('script')</script>

<img src="x" onerror="window.__pwned='onerror'; alert('onerror')">

[点我](javascript:window.__pwned='md-link';alert('md-link'))

<a href="javascript:alert('html-link')" onclick="window.__pwned='onclick'">也点我</a>

<a href="JaVaScRiPt:alert('mixed-case')">大小写混写</a>

<iframe src="javascript:alert('iframe')"></iframe>

正文继续可读。
`,
);
fs.writeFileSync(
  path.join(dir, 'posts/2018-01-02-broken-image.md'),
  `---
title: 坏掉的图片
date: 2018-01-02 12:00:00 +0800
tags: [图片测试]
---
这张图片的地址已经失效：

![失效的图](https://broken.example/missing.png)
`,
);
// A mirror that saved one article twice (the same title and text), and a post on the same subject.
const twin = (date: string) => `---
title: 同一篇文章存了两次
date: ${date} 12:00:00 +0800
tags: [重复测试]
---
这篇文章被镜像存了两份，正文一字不差。
`;
fs.writeFileSync(path.join(dir, 'posts/2018-02-01-twin-a.md'), twin('2018-02-01'));
fs.writeFileSync(path.join(dir, 'posts/2018-02-02-twin-b.md'), twin('2018-02-02'));
fs.writeFileSync(
  path.join(dir, 'posts/2018-02-03-twin-other.md'),
  `---
title: 同一个话题的另一篇
date: 2018-02-03 12:00:00 +0800
tags: [重复测试]
---
同一个标签下的另一篇文章。
`,
);
console.log(`wrote ${dir}`);
