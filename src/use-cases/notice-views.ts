// Maps stored notices to the API's notice shape.
import type { NoticeWithItems } from '../repositories/notices.ts'
import type { NoticeEventView, NoticeSignatureView, NoticeView } from '../schemas/notices.ts'
import type { NoticeEventRow } from '../repositories/notice-events.ts'
import { isReferenceOf, type NoticeContent } from '../domain/notices/notice-content.ts'
import type { NoticeStatus } from '../domain/vocabulary.ts'
import { SIGNATURE_ALGORITHM, attachPayload, signatureFingerprint } from '../signing/notice-signer.ts'

export function toNoticeView ({ notice, items }: NoticeWithItems): NoticeView {
  const content = notice.content as NoticeContent
  const elsewhere = new Map(content.items.map((item) => [item.id, item.removedElsewhere ?? []]))
  return {
    id: notice.id,
    referenceNumber: notice.referenceNumber,
    platform: content.addressee.platform,
    status: notice.status as NoticeStatus,
    version: notice.version,
    issuedAt: notice.issuedAt.toISOString(),
    deadline: notice.deadline.toISOString(),
    urgency: content.urgency,
    category: content.category,
    dsa: content.dsa,
    legalBasis: content.legalBasis,
    statementOfReasons: content.statementOfReasons,
    territorialScope: content.territorialScope,
    addressee: content.addressee,
    issuer: content.issuer,
    redress: content.redress,
    preservation: content.preservation,
    languages: content.languages,
    items: items.map((item) => ({
      id: item.id,
      position: item.position,
      url: item.url,
      canonicalUrl: item.canonicalUrl,
      identifiers: item.identifiers as Record<string, string>,
      contentType: item.contentType as NoticeView['items'][number]['contentType'],
      outcome: item.outcome as 'pending' | 'removed',
      removedElsewhere: elsewhere.get(item.id) ?? []
    })),
    // Notices issued before citations were split per platform may still list other platforms' numbers here.
    reuploadOf: notice.reuploadOf.filter((ref) => isReferenceOf(ref, content.addressee.platform)),
    reportId: notice.reportId,
    signature: {
      keyId: notice.signingKeyId, algorithm: SIGNATURE_ALGORITHM, fingerprint: signatureFingerprint(notice.signature)
    },
    createdAt: notice.createdAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString()
  }
}

/** The compact JWS, rebuilt from the stored content and its detached signature, with what verifies it. */
export function toNoticeSignatureView ({ notice }: Pick<NoticeWithItems, 'notice'>): NoticeSignatureView {
  return {
    jws: attachPayload(notice.signature, notice.content),
    keyId: notice.signingKeyId,
    algorithm: SIGNATURE_ALGORITHM,
    fingerprint: signatureFingerprint(notice.signature),
    jwksUri: '/.well-known/jwks.json'
  }
}

/** A strong ETag naming the notice's version: transitions compare it exactly. */
export function noticeEtag (version: number): string {
  return `"${version}"`
}

export function toNoticeEventView (row: NoticeEventRow): NoticeEventView {
  return {
    sequence: row.position,
    type: row.type as NoticeEventView['type'],
    noticeId: row.noticeId,
    platform: row.platform,
    at: row.at.toISOString(),
    action: row.action,
    from: row.fromStatus as NoticeStatus | null,
    to: row.toStatus as NoticeStatus,
    version: row.version,
    actor: { id: row.actorId, role: row.actorRole },
    reason: row.reason,
    detail: row.detail,
    note: row.note,
    items: row.items as string[] | null
  }
}
