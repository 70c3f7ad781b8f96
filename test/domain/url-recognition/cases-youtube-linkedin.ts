// Table rows for YouTube and LinkedIn.
import type { Case } from './case.ts'

const YT_VIDEO = { kind: 'video', videoId: 'dQw4w9WgXcQ' }
const YT = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'
const LI_ACTIVITY = { kind: 'post', activityId: '7123456789012345678' }
const LI = 'https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678'

export const YOUTUBE: Case[] = [
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', YT, YT_VIDEO],
  ['youtube.com/watch?v=dQw4w9WgXcQ', 'youtube', YT, YT_VIDEO],
  ['HTTPS://WWW.YOUTUBE.COM./watch?v=dQw4w9WgXcQ&t=42s&si=abc', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&list=PLabc&index=3', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com:443/watch?v=dQw4w9WgXcQ', 'youtube', YT, YT_VIDEO],
  ['http://www.youtube.com:80/watch?v=dQw4w9WgXcQ', 'youtube', YT, YT_VIDEO],
  ['https://m.youtube.com/watch?v=dQw4w9WgXcQ&feature=youtu.be', 'youtube', YT, YT_VIDEO],
  ['https://music.youtube.com/watch?v=dQw4w9WgXcQ&si=xyz', 'youtube', YT, YT_VIDEO],
  ['https://youtu.be/dQw4w9WgXcQ', 'youtube', YT, YT_VIDEO],
  ['youtu.be/dQw4w9WgXcQ?si=AbCdEfGh&t=10', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com/shorts/dQw4w9WgXcQ?feature=share', 'youtube', YT, YT_VIDEO],
  ['https://youtube.com/shorts/dQw4w9WgXcQ/', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com/live/dQw4w9WgXcQ?si=abc', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com/v/dQw4w9WgXcQ', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ#t=30', 'youtube', YT, YT_VIDEO],
  ['https://www.youtube.com/watch?v=DQW4W9WGXCQ', 'youtube', 'https://www.youtube.com/watch?v=DQW4W9WGXCQ', { kind: 'video', videoId: 'DQW4W9WGXCQ' }],
  ['https://www.youtube.com/@SomeHandle', 'youtube', 'https://www.youtube.com/@somehandle', { kind: 'channel', handle: 'somehandle' }],
  ['https://www.youtube.com/@somehandle/videos', 'youtube', 'https://www.youtube.com/@somehandle', { kind: 'channel', handle: 'somehandle' }],
  ['https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw', 'youtube', 'https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw', { kind: 'channel', channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' }],
  ['https://m.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/about', 'youtube', 'https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw', { kind: 'channel', channelId: 'UC_x5XG1OV2P6uZZ5FSM9Ttw' }],
  ['https://www.youtube.com/c/SomeName', 'youtube', 'https://www.youtube.com/c/somename', { kind: 'channel', customName: 'somename' }],
  ['https://www.youtube.com/user/SomeLegacy/videos', 'youtube', 'https://www.youtube.com/user/somelegacy', { kind: 'channel', legacyUser: 'somelegacy' }],
  ['https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG&si=x', 'youtube', 'https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG', { kind: 'playlist', playlistId: 'PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG' }],
  ['https://www.youtube.com/post/UgkxAbCdEfGhIjKlMnOpQrStUvWx', 'youtube', 'https://www.youtube.com/post/UgkxAbCdEfGhIjKlMnOpQrStUvWx', { kind: 'post', postId: 'UgkxAbCdEfGhIjKlMnOpQrStUvWx' }],
  ['https://www.youtube.com/channel/UC_x5XG1OV2P6uZZ5FSM9Ttw/community?lb=UgkxAbCdEfGhIjKlMnOpQrStUvWx', 'youtube', 'https://www.youtube.com/post/UgkxAbCdEfGhIjKlMnOpQrStUvWx', { kind: 'post', postId: 'UgkxAbCdEfGhIjKlMnOpQrStUvWx' }]
]

export const LINKEDIN: Case[] = [
  ['https://www.linkedin.com/posts/john-doe_some-text-here-activity-7123456789012345678-AbCd/', 'linkedin', LI, LI_ACTIVITY],
  ['https://www.linkedin.com/posts/john-doe_some-text-here-activity-7123456789012345678-AbCd?utm_source=share&utm_medium=member_desktop', 'linkedin', LI, LI_ACTIVITY],
  ['https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678/', 'linkedin', LI, LI_ACTIVITY],
  ['https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A7123456789012345678', 'linkedin', LI, LI_ACTIVITY],
  ['https://kz.linkedin.com/posts/john-doe_some-text-here-activity-7123456789012345678-AbCd', 'linkedin', LI, LI_ACTIVITY],
  ['https://www.linkedin.com/embed/feed/update/urn:li:activity:7123456789012345678', 'linkedin', LI, LI_ACTIVITY],
  ['https://www.linkedin.com/feed/update/urn:li:share:7000000000000000001/', 'linkedin', 'https://www.linkedin.com/feed/update/urn:li:share:7000000000000000001', { kind: 'post', shareId: '7000000000000000001' }],
  ['https://www.linkedin.com/feed/update/urn:li:ugcPost:7000000000000000002', 'linkedin', 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7000000000000000002', { kind: 'post', ugcPostId: '7000000000000000002' }],
  ['https://www.linkedin.com/posts/acme_launch-ugcPost-7000000000000000002-Zz9x', 'linkedin', 'https://www.linkedin.com/feed/update/urn:li:ugcPost:7000000000000000002', { kind: 'post', ugcPostId: '7000000000000000002' }],
  ['https://www.linkedin.com/in/John-Doe-123abc/', 'linkedin', 'https://www.linkedin.com/in/john-doe-123abc', { kind: 'profile', user: 'john-doe-123abc' }],
  ['linkedin.com/in/john-doe-123abc/recent-activity/all/', 'linkedin', 'https://www.linkedin.com/in/john-doe-123abc', { kind: 'profile', user: 'john-doe-123abc' }],
  ['https://www.linkedin.com/in/%D0%B8%D0%B2%D0%B0%D0%BD-%D0%9F', 'linkedin', 'https://www.linkedin.com/in/%D0%B8%D0%B2%D0%B0%D0%BD-%D0%BF', { kind: 'profile', user: 'иван-п' }],
  ['https://www.linkedin.com/in/%d0%b8%d0%b2%d0%b0%d0%bd-%d0%bf', 'linkedin', 'https://www.linkedin.com/in/%D0%B8%D0%B2%D0%B0%D0%BD-%D0%BF', { kind: 'profile', user: 'иван-п' }],
  ['https://www.linkedin.com/company/Acme-Corp/posts/', 'linkedin', 'https://www.linkedin.com/company/acme-corp', { kind: 'company', company: 'acme-corp' }],
  ['https://www.linkedin.com/pulse/some-article-title-john-doe', 'linkedin', 'https://www.linkedin.com/pulse/some-article-title-john-doe', { kind: 'article', article: 'some-article-title-john-doe' }],
  ['https://lnkd.in/dAbC123x', 'linkedin', 'https://lnkd.in/dAbC123x', { kind: 'short_link', shortCode: 'dAbC123x' }]
]
