// The media hashing contract: an image's digests and PDQ, or a video's digests and vPDQ.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'

export const IMAGE_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/tiff'] as const
export const VIDEO_CONTENT_TYPES = ['video/mp4', 'video/webm', 'video/quicktime', 'video/x-matroska'] as const

const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' })

export const VpdqFeature = Type.Object({
  frame: Type.Integer({ minimum: 0, description: 'Number of the frame in the decoded stream, from 0' }),
  quality: Type.Integer({
    minimum: 0, maximum: 100, description: 'PDQ quality; frames under 50 are not used for matching'
  }),
  hash: Hex64,
  timestamp: Type.Number({ minimum: 0, description: 'Seconds from the start (frame / frameRate, three decimals)' }),
  trimmedHash: Type.Optional(Type.String({
    pattern: '^[0-9a-f]{64}$',
    description: 'The gateway\'s extension to vPDQ: the PDQ of the frame without its uniform borders (letterbox or ' +
      'pillarbox bars), present only when the frame has them. `hash` stays the reference\'s hash of the whole frame, ' +
      'so the features remain exchangeable; send them back as they are (reports, matching) and a ' +
      'letterboxed or pillarboxed copy is matched too'
  })),
  trimmedQuality: Type.Optional(Type.Integer({
    minimum: 0,
    maximum: 100,
    description: 'With trimmedHash: its PDQ quality (the frame without its borders under 50 is not used for matching)'
  }))
})

export const Vpdq = Type.Object({
  secondsPerHash: Type.Number({
    minimum: 0, description: 'One frame kept per this many seconds (1, as HMA); 0 keeps every frame'
  }),
  frameRate: Type.Number({ exclusiveMinimum: 0 }),
  durationSeconds: Type.Optional(Type.Number({ minimum: 0, description: 'As the container states it, when it does' })),
  features: Type.Array(VpdqFeature)
}, { description: 'vPDQ: the full-resolution PDQ of each kept frame (ThreatExchange vPDQ, HMA settings)' })

export const MediaHashesAnswer = named('MediaHashes', Type.Object({
  sha256: Hex64,
  md5: Type.String({ pattern: '^[0-9a-f]{32}$' }),
  pdq: Type.Optional(Type.Object({ hash: Hex64, quality: Type.Integer({ minimum: 0, maximum: 100 }) }, {
    description: 'For an image'
  })),
  vpdq: Type.Optional(Vpdq)
}, { description: 'An image answers `pdq`, a video `vpdq`' }))

/** Raw bodies: documented for OpenAPI, never validated as JSON (the parsers hand the handler a Buffer or a stream). */
export const VideoBody = Type.Unsafe<unknown>({
  description: 'The video file itself (MP4, WebM, QuickTime or Matroska)', contentMediaType: 'application/octet-stream'
})

export type MediaHashesView = Static<typeof MediaHashesAnswer>
export type VpdqView = Static<typeof Vpdq>
