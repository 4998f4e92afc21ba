import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { sheetQrText, type SheetQr } from '../../../shared/domain/sheet-qr';

/** The tally sheet's QR code (shared/domain/sheet-qr.ts); its text is also in data-qr-text for tests and copying. */
export function SheetQrCode({ qr, label }: { qr: SheetQr; label: string }) {
  const text = sheetQrText(qr);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { margin: 0, width: 150, errorCorrectionLevel: 'M' }).then((u) => {
      if (live) setUrl(u);
    });
    return () => {
      live = false;
    };
  }, [text]);
  return (
    <span className="signoff-sheet-qr" data-testid="sheet-qr" data-qr-text={text}>
      {url && <img src={url} alt={label} width={110} height={110} />}
    </span>
  );
}
