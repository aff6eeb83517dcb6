// Tap an image to see it large: a well-kept lightbox (keyboard, Escape, swipe), loaded on first use.
import Lightbox from 'yet-another-react-lightbox';
import 'yet-another-react-lightbox/styles.css';

export default function ImageViewer({ src, onClose }: { src: string; onClose: () => void }) {
  return (
    <Lightbox
      open
      close={onClose}
      slides={[{ src, imageFit: 'contain' }]}
      carousel={{ finite: true, imageProps: { referrerPolicy: 'no-referrer' } }}
      render={{ buttonPrev: () => null, buttonNext: () => null }}
    />
  );
}
