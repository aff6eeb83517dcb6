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
// A WeChat mirror's images: tall ones of unknown shape, raw HTML with its shape (width and height, or
// WeChat's data-ratio) and its lazy address in data-src, placeholders saved unloaded, one image gone.
// (img.test is answered by the browser tests themselves.)
const PLACEHOLDER =
  "data:image/svg+xml,%3C%3Fxml version='1.0' encoding='UTF-8'%3F%3E%3Csvg width='1px' height='1px' viewBox='0 0 1 1' xmlns='http://www.w3.org/2000/svg'%3E%3Cg fill='none' fill-opacity='0'%3E%3Crect width='1' height='1'%3E%3C/rect%3E%3C/g%3E%3C/svg%3E";
const para = (n: number) =>
  `第${n}段。${'镜像的文章里图片很多，文字夹在图片之间，读者一边滑一边看。'.repeat(4)}\n\n`;
fs.writeFileSync(
  path.join(dir, 'posts/2018-03-01-wechat-images.md'),
  `---
title: 图片很多的公众号文章
date: 2018-03-01 12:00:00 +0800
tags: [图片测试]
---
${para(1)}![第一张：很高的长图](https://img.test/400x1600/a.png)

${para(2)}<p><img class="rich_pages wxw-img" data-ratio="0.5" data-w="800" data-src="https://img.test/800x400/b.png" src="${PLACEHOLDER}"></p>

${para(3)}<p><img src="https://img.test/600x900/c.png" width="600" height="900" alt="原网页的图"></p>

${para(4)}![](${PLACEHOLDER.replace(/ /g, '%20')})

${para(5)}![又一张长图](https://img.test/300x1500/d.png)

${para(6)}![已经失效的图](https://img.test/gone/e.png)

${para(7)}<p><img data-ratio="1.5" data-src="https://img.test/400x600/f.png" src="${PLACEHOLDER}"></p>

${para(8)}${para(9)}`,
);
// A reader's tags as a real archive has them (issue 27): 30 posts on 日本, the six newest each with a tag
// of its own (高山…), the 24 before them with 中国 (ten of those with 经济 too); five on 中国 and 经济,
// one on 中国 alone. The filter on 日本 must offer 中国 (24), not what its newest posts carry.
const tagged = (name: string, date: string, tags: string[]) =>
  fs.writeFileSync(
    path.join(dir, `posts/${date}-${name}.md`),
    `---\ntitle: ${tags.join('、')}（${name}）\ndate: ${date} 12:00:00 +0800\ntags: [${tags.join(', ')}]\n---\n关于${tags.join('和')}的文章。\n`,
  );
['高山', '温泉', '樱花', '京都', '富士', '北海道'].forEach((own, i) =>
  tagged(`japan-${i}`, `2016-12-${String(28 - i).padStart(2, '0')}`, ['日本', own]),
);
for (let i = 0; i < 24; i++)
  tagged(`japan-china-${i}`, `2016-11-${String(28 - i).padStart(2, '0')}`, [
    '日本',
    '中国',
    ...(i < 10 ? ['经济'] : []),
  ]);
for (let i = 0; i < 5; i++) tagged(`china-${i}`, `2016-10-0${i + 1}`, ['中国', '经济']);
tagged('china-alone', '2016-09-01', ['中国']);
console.log(`wrote ${dir}`);
