// Body → body that CommonMark reads as its author meant. Mirrored WeChat pages carry lazy-load
// placeholders written as `![](data:image/svg+xml;utf8,<svg …></svg>)`: spaces and `<` make the
// destination invalid, so every Markdown parser shows them as text. Percent-encoding the SVG makes
// them images again (with a data: address, never a cover).
const SVG_PLACEHOLDER = /!\[([^\]\n]*)\]\((data:image\/svg\+xml[^,()\s]*,)(<svg[\s\S]*?<\/svg>)\)/g;

export function repairBody(body: string): string {
  if (!body.includes('data:image/svg+xml')) return body;
  return body.replace(
    SVG_PLACEHOLDER,
    (_m, alt: string, head: string, svg: string) => `![${alt}](${head}${encodeURIComponent(svg)})`,
  );
}
