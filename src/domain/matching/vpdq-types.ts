// vPDQ, the video hash of ThreatExchange: one PDQ hash per kept frame (docs/vpdq.md).

/** One kept frame of a video: its number in the decoded stream, its PDQ quality and hash, and its time. */
export interface VpdqFeature {
  frame: number
  quality: number
  /** 64 hex digits: the frame's 256-bit PDQ hash. */
  hash: string
  /** Seconds from the start of the video. */
  timestamp: number
  /**
   * The PDQ of the frame without its uniform borders (letterbox or pillarbox bars), when it has any and they were
   * looked for; `hash` stays the reference's untrimmed hash, so the list remains exchangeable.
   */
  trimmedHash?: string
  /** The PDQ quality of the frame without its borders, with trimmedHash. */
  trimmedQuality?: number
}

/** A whole video's hash. */
export interface VpdqHash {
  secondsPerHash: number
  frameRate?: number
  durationSeconds?: number
  features: VpdqFeature[]
}
