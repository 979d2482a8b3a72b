import type { RunContext } from '../../core/context.js';
import { certificateDate } from '../http/times.js';

/** The organisations client certificates are issued to, from the template. */
export interface CertificateSubject {
  organisation: string;
  commonName: string;
  country: string;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * `authentication.clientCert` of a mutual-TLS request (FORMATS §4.2): a PEM that reads like a DER
 * certificate, a validity window that contains the run's start, and DNs of one private CA.
 */
export function clientCertificate(run: RunContext, subject: CertificateSubject): Record<string, unknown> {
  const { rng } = run;
  const der = rng.bytes(rng.int(880, 1100));
  der[0] = 0x30; // SEQUENCE
  der[1] = 0x82; // with a two-byte length
  der.writeUInt16BE(der.length - 4, 2);
  const pem = der.toString('base64').replace(/.{64}/g, '$&\n').trimEnd();
  const notBefore = run.startTime - rng.int(30, 300) * DAY_MS;
  const serial = [...rng.bytes(16)].map((b) => b.toString(16).padStart(2, '0')).join(':');
  return {
    clientCertPem: `-----BEGIN CERTIFICATE-----\n${pem}\n-----END CERTIFICATE-----`,
    subjectDN: `C=${subject.country},O=${subject.organisation},CN=${subject.commonName}`,
    issuerDN: `C=${subject.country},O=${subject.organisation},CN=${subject.organisation} Private CA`,
    serialNumber: serial,
    validity: {
      notBefore: certificateDate(notBefore),
      notAfter: certificateDate(notBefore + 395 * DAY_MS),
    },
  };
}
