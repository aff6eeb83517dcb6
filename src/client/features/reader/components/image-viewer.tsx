// Tap an image to see it large: a well-kept lightbox (yet-another-react-lightbox), loaded on first use,
// with its zoom plugin (pinch, wheel, double tap; drag to pan) and every image of the article as a
// slide, swiped or stepped through with the arrows and keys.
import Lightbox from 'yet-another-react-lightbox';
import Zoom from 'yet-another-react-lightbox/plugins/zoom';
import 'yet-another-react-lightbox/styles.css';
import type { ViewerSlide } from '../lib/viewer-slides.ts';

export default function ImageViewer({
  slides,
  index,
  onClose,
}: {
  slides: ViewerSlide[];
  index: number;
  onClose: () => void;
}) {
  return (
    <Lightbox
      open
      close={onClose}
      index={index}
      slides={slides.map((s) => ({ src: s.src, alt: s.alt, imageFit: 'contain' }))}
      plugins={[Zoom]}
      zoom={{ maxZoomPixelRatio: 4, scrollToZoom: true }}
      carousel={{ finite: true, imageProps: { referrerPolicy: 'no-referrer' } }}
      render={slides.length > 1 ? undefined : { buttonPrev: () => null, buttonNext: () => null }}
    />
  );
}
