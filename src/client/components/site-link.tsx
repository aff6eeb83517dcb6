// A link the operator put in the menu or the footer (the menu and footerLinks options), as the page's
// HTML has it (src/node/render/first-screen.ts): an address of the site's or of another.
import type { SiteLink as Link } from '../../shared/contract.ts';
import { siteAddress } from '../../shared/paths.ts';
import { BASE } from '../lib/entry.ts';

export function SiteLink({ link }: { link: Link }) {
  return <a href={siteAddress(link.url, BASE)}>{link.label}</a>;
}
