// Table rows for VKontakte, Odnoklassniki, Moi Mir (Mail.ru) and LiveJournal.
import type { Case } from './case.ts'

const VK_POST = { kind: 'post', ownerId: '-12345678', postId: '9876' }
const VK_VIDEO = { kind: 'video', videoOwnerId: '-12345678', videoId: '456239017' }
const OK_TOPIC = { kind: 'post', groupId: '53245606739968', topicId: '155003541716992' }
const OK_VIDEO = { kind: 'video', videoId: '2345678901234' }
const LJ_POST = { kind: 'post', user: 'some_user', postId: '12345' }

export const VK: Case[] = [
  ['https://vk.com/wall-12345678_9876', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['vk.com/wall-12345678_9876', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['https://m.vk.com/wall-12345678_9876?from=groups', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['https://vk.ru/wall-12345678_9876', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['http://vkontakte.ru/wall-12345678_9876', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['https://new.vk.com/wall-12345678_9876', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['https://vk.com/WALL-12345678_9876', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['https://vk.com/club12345678?w=wall-12345678_9876', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['https://vk.com/some_public?w=wall-12345678_9876%2Fall', 'vk', 'https://vk.com/wall-12345678_9876', VK_POST],
  ['https://vk.com/wall1_45616', 'vk', 'https://vk.com/wall1_45616', { kind: 'post', ownerId: '1', postId: '45616' }],
  ['https://vk.com/wall-12345678_9876?reply=9901&thread=9900', 'vk', 'https://vk.com/wall-12345678_9876?reply=9901', { ...VK_POST, kind: 'comment', commentId: '9901' }],
  ['https://vk.com/video-12345678_456239017', 'vk', 'https://vk.com/video-12345678_456239017', VK_VIDEO],
  ['https://vk.com/video?z=video-12345678_456239017%2Fpl_cat_trends', 'vk', 'https://vk.com/video-12345678_456239017', VK_VIDEO],
  ['https://vk.com/some_public?z=video-12345678_456239017%2Fvideos-12345678', 'vk', 'https://vk.com/video-12345678_456239017', VK_VIDEO],
  ['https://vk.com/clip-12345678_456239017', 'vk', 'https://vk.com/video-12345678_456239017', VK_VIDEO],
  ['https://vk.com/video_ext.php?oid=-12345678&id=456239017&hash=abcdef0123&hd=2', 'vk', 'https://vk.com/video-12345678_456239017', VK_VIDEO],
  ['https://vkvideo.ru/video-12345678_456239017?list=ln-abc', 'vk', 'https://vk.com/video-12345678_456239017', VK_VIDEO],
  ['https://vk.com/photo-12345678_457239018', 'vk', 'https://vk.com/photo-12345678_457239018', { kind: 'photo', photoOwnerId: '-12345678', photoId: '457239018' }],
  ['https://vk.com/album-1_2?z=photo-12345678_457239018%2Falbum-12345678_00', 'vk', 'https://vk.com/photo-12345678_457239018', { kind: 'photo', photoOwnerId: '-12345678', photoId: '457239018' }],
  ['https://vk.com/topic-12345678_40000001', 'vk', 'https://vk.com/topic-12345678_40000001', { kind: 'topic', topicOwnerId: '-12345678', topicId: '40000001' }],
  ['https://vk.com/doc1234_567890', 'vk', 'https://vk.com/doc1234_567890', { kind: 'file', docOwnerId: '1234', docId: '567890' }],
  ['https://vk.com/id1', 'vk', 'https://vk.com/id1', { kind: 'profile', userId: '1' }],
  ['https://vk.com/club12345678', 'vk', 'https://vk.com/club12345678', { kind: 'community', communityId: '12345678' }],
  ['https://vk.com/public12345678', 'vk', 'https://vk.com/club12345678', { kind: 'community', communityId: '12345678' }],
  ['https://vk.com/Durov', 'vk', 'https://vk.com/durov', { kind: 'profile', screenName: 'durov' }],
  ['https://vk.com/@some_public-article-title', 'vk', 'https://vk.com/@some_public-article-title', { kind: 'article', article: 'some_public-article-title' }]
]

export const OK: Case[] = [
  ['https://ok.ru/group/53245606739968/topic/155003541716992', 'ok', 'https://ok.ru/group/53245606739968/topic/155003541716992', OK_TOPIC],
  ['https://m.ok.ru/group/53245606739968/topic/155003541716992?utm_campaign=share', 'ok', 'https://ok.ru/group/53245606739968/topic/155003541716992', OK_TOPIC],
  ['https://odnoklassniki.ru/group/53245606739968/topic/155003541716992', 'ok', 'https://ok.ru/group/53245606739968/topic/155003541716992', OK_TOPIC],
  ['https://m.ok.ru/dk?st.cmd=altGroupMediaTopic&st.groupId=53245606739968&st.topicId=155003541716992', 'ok', 'https://ok.ru/group/53245606739968/topic/155003541716992', OK_TOPIC],
  ['https://ok.ru/group53245606739968/topic/155003541716992', 'ok', 'https://ok.ru/group/53245606739968/topic/155003541716992', OK_TOPIC],
  ['https://ok.ru/video/2345678901234', 'ok', 'https://ok.ru/video/2345678901234', OK_VIDEO],
  ['https://ok.ru/videoembed/2345678901234', 'ok', 'https://ok.ru/video/2345678901234', OK_VIDEO],
  ['https://ok.ru/live/2345678901234', 'ok', 'https://ok.ru/video/2345678901234', OK_VIDEO],
  ['https://m.ok.ru/dk?st.cmd=movieLayer&st.mvId=2345678901234', 'ok', 'https://ok.ru/video/2345678901234', OK_VIDEO],
  ['https://ok.ru/group/53245606739968', 'ok', 'https://ok.ru/group/53245606739968', { kind: 'group', groupId: '53245606739968' }],
  ['https://ok.ru/profile/571234567890', 'ok', 'https://ok.ru/profile/571234567890', { kind: 'profile', userId: '571234567890' }],
  ['https://ok.ru/profile/571234567890/statuses/155123456789012', 'ok', 'https://ok.ru/profile/571234567890/statuses/155123456789012', { kind: 'post', userId: '571234567890', statusId: '155123456789012' }],
  ['https://ok.ru/SomeGroup', 'ok', 'https://ok.ru/somegroup', { kind: 'profile', screenName: 'somegroup' }],
  ['https://ok.ru/somegroup/topic/155003541716992', 'ok', 'https://ok.ru/somegroup/topic/155003541716992', { kind: 'post', screenName: 'somegroup', topicId: '155003541716992' }]
]

export const MAILRU: Case[] = [
  ['https://my.mail.ru/mail/ivan.petrov/', 'mailru', 'https://my.mail.ru/mail/ivan.petrov/', { kind: 'profile', mailDomain: 'mail', user: 'ivan.petrov' }],
  ['my.mail.ru/bk/Ivan.Petrov', 'mailru', 'https://my.mail.ru/bk/ivan.petrov/', { kind: 'profile', mailDomain: 'bk', user: 'ivan.petrov' }],
  ['https://my.mail.ru/list/some_user/video/', 'mailru', 'https://my.mail.ru/list/some_user/', { kind: 'profile', mailDomain: 'list', user: 'some_user' }],
  ['https://my.mail.ru/mail/ivan.petrov/video/_myvideo/123.html', 'mailru', 'https://my.mail.ru/mail/ivan.petrov/video/_myvideo/123.html', { kind: 'video', mailDomain: 'mail', user: 'ivan.petrov', album: '_myvideo', videoId: '123' }],
  ['https://m.my.mail.ru/inbox/some_user/video/1/45.html?utm_source=share', 'mailru', 'https://my.mail.ru/inbox/some_user/video/1/45.html', { kind: 'video', mailDomain: 'inbox', user: 'some_user', album: '1', videoId: '45' }],
  ['https://my.mail.ru/mail/ivan.petrov/photo/_myphoto/678.html', 'mailru', 'https://my.mail.ru/mail/ivan.petrov/photo/_myphoto/678.html', { kind: 'photo', mailDomain: 'mail', user: 'ivan.petrov', album: '_myphoto', photoId: '678' }],
  ['https://my.mail.ru/mail/ivan.petrov/multipost/AB12CD34EF.html', 'mailru', 'https://my.mail.ru/mail/ivan.petrov/multipost/ab12cd34ef.html', { kind: 'post', mailDomain: 'mail', user: 'ivan.petrov', postId: 'ab12cd34ef' }],
  ['https://my.mail.ru/community/some-club/', 'mailru', 'https://my.mail.ru/community/some-club/', { kind: 'community', community: 'some-club' }],
  ['https://my.mail.ru/community/some-club/video/_groupvideo/9.html', 'mailru', 'https://my.mail.ru/community/some-club/video/_groupvideo/9.html', { kind: 'video', community: 'some-club', album: '_groupvideo', videoId: '9' }]
]

export const LIVEJOURNAL: Case[] = [
  ['https://some-user.livejournal.com/12345.html', 'livejournal', 'https://some-user.livejournal.com/12345.html', LJ_POST],
  ['http://Some-User.livejournal.com/12345.html?utm_source=fbsharing', 'livejournal', 'https://some-user.livejournal.com/12345.html', LJ_POST],
  ['some-user.livejournal.com/12345.html#cutid1', 'livejournal', 'https://some-user.livejournal.com/12345.html', LJ_POST],
  ['https://www.livejournal.com/users/some_user/12345.html', 'livejournal', 'https://some-user.livejournal.com/12345.html', LJ_POST],
  ['https://users.livejournal.com/some_user/12345.html', 'livejournal', 'https://some-user.livejournal.com/12345.html', LJ_POST],
  ['https://m.livejournal.com/read/user/some_user/12345', 'livejournal', 'https://some-user.livejournal.com/12345.html', LJ_POST],
  ['https://some-user.livejournal.com/12345.html?thread=678#t678', 'livejournal', 'https://some-user.livejournal.com/12345.html?thread=678', { ...LJ_POST, kind: 'comment', thread: '678' }],
  ['https://users.livejournal.com/_under_/777.html', 'livejournal', 'https://users.livejournal.com/_under_/777.html', { kind: 'post', user: '_under_', postId: '777' }],
  ['https://some-user.livejournal.com/', 'livejournal', 'https://some-user.livejournal.com/', { kind: 'profile', user: 'some_user' }],
  ['https://some-user.livejournal.com/profile', 'livejournal', 'https://some-user.livejournal.com/', { kind: 'profile', user: 'some_user' }],
  ['https://community.livejournal.com/ru_politics/98765.html', 'livejournal', 'https://ru-politics.livejournal.com/98765.html', { kind: 'post', user: 'ru_politics', postId: '98765' }]
]
