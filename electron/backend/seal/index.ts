export {
  fingerprint,
  fingerprintMatches,
  loadOrCreateStationKey,
  normalizeFingerprint,
  STATION_KEY_FILE,
  type Fingerprint,
  type StationKey,
} from './station-key';
export {
  canonicalJson,
  hashJson,
  SEALED_FILE_FORMAT,
  SEALED_PAYLOAD_FORMAT,
  sealedPayloadShape,
  type SealedPayload,
  type SealedRound,
  type SealOverride,
  type Signoff,
} from './payload';
export {
  refuseExistingTarget,
  renderSealedFile,
  sealResults,
  signPayload,
  verifySealedFile,
  writeSealedFile,
  type RoundSummary,
  type SealInput,
  type SealSummary,
  type SigningKey,
  type VerifyOptions,
  type VerifyOutcome,
} from './sealed-file';
