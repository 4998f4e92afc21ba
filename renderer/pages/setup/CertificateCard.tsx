import { useEffect, useRef, useState } from 'react';
import JsBarcode from 'jsbarcode';
import QRCode from 'qrcode';
import { useLang } from '../../app/i18n';
import { formatCertificateNumber } from '../../../shared/domain/certificate';
import type { VoterCard } from './voter-cards';

/** One voter certificate (选民证) as printed: name, residents' group, number as CODE128 barcode and as QR code. */
export function CertificateCard({ card, title, drill }: { card: VoterCard; title: string; drill: boolean }) {
  const { t, lang } = useLang();
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
    <article className="setup-cert" data-certificate={card.certificate}>
      <header className="setup-cert-head">
        {drill && <span className="setup-cert-drill">{t('drill.badge')}</span>}
        <span>{t('setup.cert.heading')}</span>
      </header>
      <p className="setup-cert-election">{title}</p>
      <div className="setup-cert-body">
        <div className="setup-cert-text">
          {card.household ? (
            <>
              <p className="setup-cert-name" data-household={card.household.number}>{t('setup.cert.household', { number: card.household.number })}</p>
              <p className="setup-cert-members">
                {t('setup.cert.members', { names: card.household.members.join(lang === 'zh-CN' ? '、' : ', ') })} {card.group}
              </p>
            </>
          ) : (
            <>
              <p className="setup-cert-name">{card.name}</p>
              <p>{card.group}</p>
            </>
          )}
          <p className="setup-cert-where">{t('setup.cert.where', { venue: card.assignment })}</p>
        </div>
        {qr && <img className="setup-cert-qr" src={qr} alt={t('setup.cert.qr')} />}
      </div>
      <svg ref={barcodeRef} className="setup-cert-barcode" role="img" aria-label={card.certificate} />
      <p className="setup-cert-number">{formatCertificateNumber(card.certificate)}</p>
    </article>
  );
}
