// Table rows for Telegram, TikTok and X: the shapes users paste from apps, browsers and messengers.
import type { Case } from './case.ts'

const TG_MSG = { kind: 'message', channel: 'durov', message: '142' }
const TT_VIDEO = { kind: 'video', videoId: '7106594312292453675' }
const X_POST = { kind: 'post', statusId: '1460323737035677698' }

export const TELEGRAM: Case[] = [
  ['t.me/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['http://t.me/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://T.ME/Durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/durov/142/', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me//durov//142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/durov/142?single', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/durov/142?embed=1&mode=tme', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/durov/0142#top', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/s/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://telegram.me/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://telegram.dog/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://www.t.me/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me./durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me:443/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['//t.me/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['  https://t.me/durov/142\n', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['\u200bhttps://t.me/durov/142\ufeff', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/%64urov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://ｔ.ｍｅ/durov/142', 'telegram', 'https://t.me/durov/142', TG_MSG],
  ['https://t.me/durov', 'telegram', 'https://t.me/durov', { kind: 'channel', channel: 'durov' }],
  ['https://t.me/s/Durov', 'telegram', 'https://t.me/durov', { kind: 'channel', channel: 'durov' }],
  ['https://durov.t.me/', 'telegram', 'https://t.me/durov', { kind: 'channel', channel: 'durov' }],
  ['https://t.me/some_news_kz/1234?comment=56', 'telegram', 'https://t.me/some_news_kz/1234?comment=56', { kind: 'comment', channel: 'some_news_kz', message: '1234', comment: '56' }],
  ['https://t.me/forum_group/12/345', 'telegram', 'https://t.me/forum_group/345', { kind: 'message', channel: 'forum_group', message: '345' }],
  ['https://t.me/c/1234567890/55', 'telegram', 'https://t.me/c/1234567890/55', { kind: 'message', channelId: '1234567890', message: '55' }],
  ['https://t.me/c/1234567890/7/55?thread=7', 'telegram', 'https://t.me/c/1234567890/55', { kind: 'message', channelId: '1234567890', message: '55' }],
  ['https://t.me/+AbCdEfGhIjKlMnOp', 'telegram', 'https://t.me/+AbCdEfGhIjKlMnOp', { kind: 'invite', inviteHash: 'AbCdEfGhIjKlMnOp' }],
  ['https://t.me/joinchat/AbCdEfGhIjKlMnOp', 'telegram', 'https://t.me/+AbCdEfGhIjKlMnOp', { kind: 'invite', inviteHash: 'AbCdEfGhIjKlMnOp' }],
  ['https://t.me/%2BAbCdEfGhIjKlMnOp', 'telegram', 'https://t.me/+AbCdEfGhIjKlMnOp', { kind: 'invite', inviteHash: 'AbCdEfGhIjKlMnOp' }]
]

export const TIKTOK: Case[] = [
  ['https://www.tiktok.com/@scout2015/video/7106594312292453675', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://www.tiktok.com/@Scout2015/video/7106594312292453675?is_from_webapp=1&sender_device=pc&lang=en', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['tiktok.com/@scout2015/video/7106594312292453675/', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://m.tiktok.com/v/7106594312292453675.html', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://www.tiktok.com/embed/v2/7106594312292453675', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://www.tiktok.com/embed/7106594312292453675', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://m.tiktok.com/share/video/7106594312292453675', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://www.tiktok.com/video/7106594312292453675', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://www.tiktok.com/@/video/7106594312292453675', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://www.tiktok.com/%40scout2015/video/7106594312292453675', 'tiktok', 'https://www.tiktok.com/@/video/7106594312292453675', TT_VIDEO],
  ['https://www.tiktok.com/@scout2015/photo/7300000000000000001', 'tiktok', 'https://www.tiktok.com/@/photo/7300000000000000001', { kind: 'photo', photoId: '7300000000000000001' }],
  ['https://www.tiktok.com/@Scout2015', 'tiktok', 'https://www.tiktok.com/@scout2015', { kind: 'profile', user: 'scout2015' }],
  ['https://www.tiktok.com/@scout2015?lang=ru-RU', 'tiktok', 'https://www.tiktok.com/@scout2015', { kind: 'profile', user: 'scout2015' }],
  ['https://www.tiktok.com/@some.user_1/live', 'tiktok', 'https://www.tiktok.com/@some.user_1/live', { kind: 'live', user: 'some.user_1' }],
  ['https://vm.tiktok.com/ZMabc123/', 'tiktok', 'https://vm.tiktok.com/ZMabc123', { kind: 'short_link', shortCode: 'ZMabc123' }],
  ['vt.tiktok.com/ZSxyZ987/', 'tiktok', 'https://vt.tiktok.com/ZSxyZ987', { kind: 'short_link', shortCode: 'ZSxyZ987' }],
  ['https://www.tiktok.com/t/ZTRabcDEF/', 'tiktok', 'https://www.tiktok.com/t/ZTRabcDEF', { kind: 'short_link', shortCode: 'ZTRabcDEF' }]
]

export const X: Case[] = [
  ['https://twitter.com/elonmusk/status/1460323737035677698', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://x.com/ElonMusk/status/1460323737035677698?s=20&t=AbCdEf', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://mobile.twitter.com/elonmusk/status/1460323737035677698', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://mobile.x.com/elonmusk/status/1460323737035677698', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://www.twitter.com/elonmusk/statuses/1460323737035677698', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://x.com/elonmusk/status/1460323737035677698/photo/1', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://x.com/elonmusk/status/1460323737035677698/video/1', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://x.com/i/web/status/1460323737035677698', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://x.com/i/status/1460323737035677698', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://twitter.com/#!/elonmusk/status/1460323737035677698', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['x.com/elonmusk/status/1460323737035677698?ref_src=twsrc%5Etfw', 'x', 'https://x.com/i/status/1460323737035677698', X_POST],
  ['https://x.com/ElonMusk', 'x', 'https://x.com/elonmusk', { kind: 'profile', user: 'elonmusk' }],
  ['https://twitter.com/elonmusk/with_replies', 'x', 'https://x.com/elonmusk', { kind: 'profile', user: 'elonmusk' }],
  ['https://x.com/i/spaces/1yoJMWvXYZAbc', 'x', 'https://x.com/i/spaces/1yoJMWvXYZAbc', { kind: 'space', spaceId: '1yoJMWvXYZAbc' }],
  ['https://x.com/i/broadcasts/1OdKrBnaEPXKX', 'x', 'https://x.com/i/broadcasts/1OdKrBnaEPXKX', { kind: 'live', broadcastId: '1OdKrBnaEPXKX' }],
  ['https://t.co/AbC123xyZ', 'x', 'https://t.co/AbC123xyZ', { kind: 'short_link', shortCode: 'AbC123xyZ' }]
]
