// The health probes' contract: liveness, and readiness with what the gateway hashes media with.
import { Type, type Static } from 'typebox'
import { named } from './named.ts'

export const Health = named('Health', Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')])
}))

export const Readiness = named('Readiness', Type.Object({
  status: Type.Literal('ok'),
  details: Type.Object({
    ffmpeg: Type.Union([
      Type.Object({
        source: Type.Union([Type.Literal('FFMPEG_PATH'), Type.Literal('system'), Type.Literal('npm')], {
          description: 'FFMPEG_PATH, the ffmpeg on PATH, or the build the @ffmpeg-installer/ffmpeg package ships'
        }),
        executable: Type.String(),
        version: Type.String({ description: 'First line of `ffmpeg -version`' }),
        ffprobe: Type.Boolean({ description: 'Whether ffprobe is used to read frame rates' })
      }),
      Type.Null()
    ], { description: 'The ffmpeg that decodes videos; null when none runs (videos are then answered 503)' }),
    mediaHashing: Type.Object({
      threads: Type.Integer({ minimum: 1 }),
      capacity: Type.Integer({
        minimum: 1, description: 'Media requests admitted at once (hashed or waiting); beyond, 503'
      }),
      inFlight: Type.Integer({ minimum: 0 })
    })
  })
}))

export type ReadinessView = Static<typeof Readiness>
