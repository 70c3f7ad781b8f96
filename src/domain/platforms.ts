// Seed data of the platform catalogue: who each notice is addressed to, and which hosts belong to whom.

export const PLATFORM_SLUGS = [
  'telegram', 'tiktok', 'facebook', 'instagram', 'vk', 'ok', 'mailru', 'livejournal', 'linkedin', 'youtube', 'x'
] as const

export type PlatformSlug = typeof PLATFORM_SLUGS[number]

export interface PlatformSeed {
  slug: PlatformSlug
  name: string
  legalEntity: { name: string, country: string, address: string }
  // Illustrative contacts at example.org: the real ones are entered by administrators, never seeded.
  legalRepresentative: { name: string, email: string } | null
  // Registrable hosts; every subdomain of one belongs to the same platform (m., www., user.livejournal.com).
  hosts: string[]
  urlPatterns: string[]
  channels: { webhookUrl: null, email: string | null, portal: string | null }
  languages: string[]
  deadlines: { normalHours: number, urgentHours: number }
  identifierKinds: string[]
}

// The 24 h / 1 h defaults come from the product rules; administrators may tune them per platform later.
const DEADLINES = { normalHours: 24, urgentHours: 1 }

export const PLATFORMS: readonly PlatformSeed[] = [
  {
    slug: 'telegram',
    name: 'Telegram',
    legalEntity: {
      name: 'Telegram FZ-LLC',
      country: 'AE',
      address: 'Business Central Towers, Tower A, Office 1003/1004, Dubai Media City, Dubai, UAE'
    },
    legalRepresentative: { name: 'Telegram liaison (illustrative)', email: 'telegram-liaison@example.org' },
    hosts: ['t.me', 'telegram.me', 'telegram.dog'],
    urlPatterns: [
      't.me/<channel>', 't.me/<channel>/<message>', 't.me/s/<channel>/<message>', 't.me/c/<channelId>/<message>',
      't.me/<channel>/<message>?comment=<comment>', 't.me/+<invite>'
    ],
    channels: { webhookUrl: null, email: 'telegram-notices@example.org', portal: null },
    languages: ['en', 'ru'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['channel', 'channelId', 'message', 'comment', 'inviteHash']
  },
  {
    slug: 'tiktok',
    name: 'TikTok',
    legalEntity: {
      name: 'TikTok Pte. Ltd.', country: 'SG', address: '1 Raffles Quay, #26-10, South Tower, Singapore 048583'
    },
    legalRepresentative: { name: 'TikTok liaison (illustrative)', email: 'tiktok-liaison@example.org' },
    hosts: ['tiktok.com'],
    urlPatterns: [
      'www.tiktok.com/@<user>', 'www.tiktok.com/@<user>/video/<videoId>', 'www.tiktok.com/@<user>/photo/<photoId>',
      'vm.tiktok.com/<shortCode>', 'vt.tiktok.com/<shortCode>', 'www.tiktok.com/t/<shortCode>'
    ],
    channels: { webhookUrl: null, email: null, portal: 'https://www.tiktok.com/legal/report/lawenforcement' },
    languages: ['en'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['user', 'videoId', 'photoId', 'shortCode']
  },
  {
    slug: 'facebook',
    name: 'Facebook',
    legalEntity: {
      name: 'Meta Platforms Ireland Ltd.', country: 'IE', address: 'Merrion Road, Dublin 4, D04 X2K5, Ireland'
    },
    legalRepresentative: { name: 'Meta liaison (illustrative)', email: 'meta-liaison@example.org' },
    hosts: ['facebook.com', 'fb.com', 'fb.watch'],
    urlPatterns: [
      'www.facebook.com/<page>', 'www.facebook.com/<page>/posts/<postId>',
      'www.facebook.com/permalink.php?story_fbid=<postId>&id=<owner>', 'www.facebook.com/groups/<group>/posts/<postId>',
      'www.facebook.com/watch/?v=<videoId>', 'www.facebook.com/reel/<videoId>',
      'www.facebook.com/photo/?fbid=<photoId>', 'fb.watch/<shortCode>', 'www.facebook.com/share/<type>/<shortCode>'
    ],
    channels: { webhookUrl: null, email: null, portal: 'https://www.facebook.com/records/login/' },
    languages: ['en'],
    deadlines: { ...DEADLINES },
    identifierKinds: [
      'page', 'owner', 'postId', 'group', 'videoId', 'photoId', 'profileId', 'eventId', 'shortCode', 'shareType'
    ]
  },
  {
    slug: 'instagram',
    name: 'Instagram',
    legalEntity: {
      name: 'Meta Platforms Ireland Ltd.', country: 'IE', address: 'Merrion Road, Dublin 4, D04 X2K5, Ireland'
    },
    legalRepresentative: { name: 'Meta liaison (illustrative)', email: 'meta-liaison@example.org' },
    hosts: ['instagram.com', 'instagr.am'],
    urlPatterns: [
      'www.instagram.com/<username>/', 'www.instagram.com/p/<shortcode>/', 'www.instagram.com/reel/<shortcode>/',
      'www.instagram.com/tv/<shortcode>/', 'www.instagram.com/stories/<username>/<storyId>/'
    ],
    channels: { webhookUrl: null, email: null, portal: 'https://www.facebook.com/records/login/' },
    languages: ['en'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['username', 'shortcode', 'storyId', 'highlightId', 'shortCode', 'shareType']
  },
  {
    slug: 'vk',
    name: 'VKontakte',
    legalEntity: {
      name: 'ООО «В Контакте» (VK LLC)',
      country: 'RU',
      address: 'Khersonskaya ul. 12-14, lit. A, pom. 1-N, St Petersburg, 191024, Russia'
    },
    legalRepresentative: { name: 'VK liaison (illustrative)', email: 'vk-liaison@example.org' },
    hosts: ['vk.com', 'vk.ru', 'vkontakte.ru', 'vkvideo.ru'],
    urlPatterns: [
      'vk.com/<screenName>', 'vk.com/id<userId>', 'vk.com/club<communityId>', 'vk.com/wall<ownerId>_<postId>',
      'vk.com/<page>?w=wall<ownerId>_<postId>', 'vk.com/video<ownerId>_<videoId>', 'vk.com/clip<ownerId>_<videoId>',
      'vk.com/photo<ownerId>_<photoId>', 'vk.com/topic<ownerId>_<topicId>'
    ],
    channels: { webhookUrl: null, email: 'vk-notices@example.org', portal: null },
    languages: ['ru'],
    deadlines: { ...DEADLINES },
    identifierKinds: [
      'ownerId', 'postId', 'commentId', 'videoOwnerId', 'videoId', 'photoOwnerId', 'photoId', 'topicOwnerId', 'topicId',
      'docOwnerId', 'docId', 'userId', 'communityId', 'screenName', 'article'
    ]
  },
  {
    slug: 'ok',
    name: 'Odnoklassniki',
    legalEntity: {
      name: 'ООО «ВК» (VK LLC), operator of OK.ru',
      country: 'RU',
      address: 'Leningradsky prospekt 39, bld. 79, Moscow, 125167, Russia'
    },
    legalRepresentative: { name: 'OK liaison (illustrative)', email: 'ok-liaison@example.org' },
    hosts: ['ok.ru', 'odnoklassniki.ru'],
    urlPatterns: [
      'ok.ru/group/<groupId>', 'ok.ru/group/<groupId>/topic/<topicId>', 'ok.ru/profile/<userId>',
      'ok.ru/profile/<userId>/statuses/<statusId>', 'ok.ru/video/<videoId>', 'ok.ru/<screenName>'
    ],
    channels: { webhookUrl: null, email: 'ok-notices@example.org', portal: null },
    languages: ['ru'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['groupId', 'topicId', 'userId', 'statusId', 'videoId', 'screenName']
  },
  {
    slug: 'mailru',
    name: 'Moi Mir (Mail.ru)',
    legalEntity: {
      name: 'LLC «Mail.Ru» (ООО «ВК»)',
      country: 'RU',
      address: 'Leningradsky prospekt 39, bld. 79, Moscow, 125167, Russia'
    },
    legalRepresentative: { name: 'Mail.ru liaison (illustrative)', email: 'mailru-liaison@example.org' },
    // Only the social network; the rest of mail.ru (mail, news, cloud) is not a catalogued platform.
    hosts: ['my.mail.ru'],
    urlPatterns: [
      'my.mail.ru/<mail|bk|list|inbox>/<user>/', 'my.mail.ru/<domain>/<user>/video/<album>/<videoId>.html',
      'my.mail.ru/<domain>/<user>/photo/<album>/<photoId>.html', 'my.mail.ru/<domain>/<user>/multipost/<postId>.html',
      'my.mail.ru/community/<name>/'
    ],
    channels: { webhookUrl: null, email: 'mailru-notices@example.org', portal: null },
    languages: ['ru'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['mailDomain', 'user', 'community', 'album', 'videoId', 'photoId', 'postId']
  },
  {
    slug: 'livejournal',
    name: 'LiveJournal',
    legalEntity: {
      name: 'LiveJournal, Inc.', country: 'US', address: '2425 Porter Street, Suite 18, Soquel, CA 95073, USA'
    },
    legalRepresentative: null,
    hosts: ['livejournal.com'],
    urlPatterns: [
      '<user>.livejournal.com/', '<user>.livejournal.com/<postId>.html',
      '<user>.livejournal.com/<postId>.html?thread=<thread>', 'users.livejournal.com/<_user_>/<postId>.html'
    ],
    channels: { webhookUrl: null, email: 'livejournal-notices@example.org', portal: null },
    languages: ['en'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['user', 'postId', 'thread']
  },
  {
    slug: 'linkedin',
    name: 'LinkedIn',
    legalEntity: {
      name: 'LinkedIn Ireland Unlimited Company',
      country: 'IE',
      address: 'Wilton Plaza, Wilton Place, Dublin 2, Ireland'
    },
    legalRepresentative: { name: 'LinkedIn liaison (illustrative)', email: 'linkedin-liaison@example.org' },
    hosts: ['linkedin.com', 'lnkd.in'],
    urlPatterns: [
      'www.linkedin.com/in/<user>', 'www.linkedin.com/company/<company>',
      'www.linkedin.com/posts/<user>_<slug>-activity-<activityId>-<xxxx>',
      'www.linkedin.com/feed/update/urn:li:activity:<activityId>', 'www.linkedin.com/pulse/<slug>',
      'lnkd.in/<shortCode>'
    ],
    channels: { webhookUrl: null, email: null, portal: 'https://www.linkedin.com/help/linkedin/ask/lgf' },
    languages: ['en'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['user', 'company', 'activityId', 'shareId', 'ugcPostId', 'article', 'shortCode']
  },
  {
    slug: 'youtube',
    name: 'YouTube',
    legalEntity: {
      name: 'Google LLC', country: 'US', address: '1600 Amphitheatre Parkway, Mountain View, CA 94043, USA'
    },
    legalRepresentative: { name: 'Google liaison (illustrative)', email: 'google-liaison@example.org' },
    hosts: ['youtube.com', 'youtu.be', 'youtube-nocookie.com'],
    urlPatterns: [
      'www.youtube.com/watch?v=<videoId>', 'youtu.be/<videoId>', 'www.youtube.com/shorts/<videoId>',
      'www.youtube.com/live/<videoId>', 'www.youtube.com/embed/<videoId>', 'www.youtube.com/@<handle>',
      'www.youtube.com/channel/<channelId>', 'www.youtube.com/c/<name>', 'www.youtube.com/user/<name>',
      'www.youtube.com/playlist?list=<playlistId>', 'www.youtube.com/post/<postId>'
    ],
    channels: { webhookUrl: null, email: null, portal: 'https://support.google.com/legal/answer/3110420' },
    languages: ['en'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['videoId', 'handle', 'channelId', 'customName', 'legacyUser', 'playlistId', 'postId']
  },
  {
    slug: 'x',
    name: 'X (Twitter)',
    legalEntity: {
      name: 'X Corp.', country: 'US', address: '1355 Market Street, Suite 900, San Francisco, CA 94103, USA'
    },
    legalRepresentative: { name: 'X liaison (illustrative)', email: 'x-liaison@example.org' },
    hosts: ['x.com', 'twitter.com', 't.co'],
    urlPatterns: [
      'x.com/<user>', 'x.com/<user>/status/<statusId>', 'x.com/i/web/status/<statusId>', 'x.com/i/spaces/<spaceId>',
      'x.com/i/broadcasts/<broadcastId>', 't.co/<shortCode>'
    ],
    channels: { webhookUrl: null, email: null, portal: 'https://legalrequests.x.com/' },
    languages: ['en'],
    deadlines: { ...DEADLINES },
    identifierKinds: ['user', 'statusId', 'spaceId', 'broadcastId', 'shortCode']
  }
]

/** The seeded legal representatives sit at this illustrative domain until an administrator enters the real ones. */
const PLACEHOLDER_DOMAIN = '@example.org'

/**
 * Whether a platform's legal representative, to whom notices are addressed, is still the seeded placeholder (or
 * missing): its notices would name nobody real. The seeded portals are the platforms' real public ones.
 */
export function hasPlaceholderContacts (platform: { legalRepresentative: unknown }): boolean {
  const representative = platform.legalRepresentative as { email?: string | null } | null
  return typeof representative?.email !== 'string' || representative.email.endsWith(PLACEHOLDER_DOMAIN)
}
