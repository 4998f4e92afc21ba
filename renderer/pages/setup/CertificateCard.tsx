import { useEffect, useRef, useState } from 'react';
import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';
import { useT } from '../../app/i18n';
import { formatCertificateNumber } from '../../../shared/domain/certificate';
import type { VoterCard } from './voter-cards';

/** One voter certificate (选民证) as printed: name, residents' group, number as CODE128 barcode and as QR code. */
export function CertificateCard({ card, title, drill }: { card: VoterCard; title: string; drill: boolean }) {
  const t = useT();
  const barcodeRef = useRef<SVGSVGElement>(null);
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    if (barcodeRef.current) {
      JsBarcode(barcodeRef.current, card.certificate, { format: 'CODE128', displayValue: false, height: 46, width: 2, margin: 0 });
    }
    let live = true;
    QRCode.toDataURL(card.certificate, { margin: 0, width: 160, errorCorrectionLevel: 'M' }).then((url) => {
      if (live) setQr(url);
    });
    return () => {
      live = false;
    };
  }, [card.certificate]);

  return (
    <article className="sa-cert" data-certificate={card.certificate}>
      <header className="sa-cert-head">
        {drill && <span className="sa-cert-drill">{t('drill.badge')}</span>}
        <span>{t('setup.cert.heading')}</span>
      </header>
      <p className="sa-cert-election">{title}</p>
      <div className="sa-cert-body">
        <div className="sa-cert-text">
          <p className="sa-cert-name">{card.name}</p>
          <p>{card.group}</p>
          <p className="sa-cert-where">{t('setup.cert.where', { venue: card.assignment })}</p>
        </div>
        {qr && <img className="sa-cert-qr" src={qr} alt={t('setup.cert.qr')} />}
      </div>
      <svg ref={barcodeRef} className="sa-cert-barcode" role="img" aria-label={card.certificate} />
      <p className="sa-cert-number">{formatCertificateNumber(card.certificate)}</p>
    </article>
  );
}
