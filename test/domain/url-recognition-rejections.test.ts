// What URL recognition refuses, and why: malformed input, hosts of no platform, paths that name no material.
import t, { type Test } from 'tap'
import { MAX_INPUT_LENGTH, recognizeUrl } from '../../src/domain/url-recognition/index.ts'

function expectFailure (t: Test, reason: string, inputs: string[]): void {
  for (const input of inputs) t.same(recognizeUrl(input), { ok: false, reason }, JSON.stringify(input).slice(0, 120))
}

t.test('rejects input that is not an http(s) URL as malformed', async (t) => {
  expectFailure(t, 'malformed', [
    '', '   ', '\u200b', 'not a url', 'https://t.me/durov 1', 'https://t.me/durov/1\u0000', 'http://', 'https://',
    'http://[::1', 'https://exa mple.com/'
  ])
  t.same(recognizeUrl(undefined as unknown as string), { ok: false, reason: 'malformed' }, 'a non-string')
  t.same(recognizeUrl(42 as unknown as string), { ok: false, reason: 'malformed' }, 'a number')
})

t.test('rejects other schemes, including script and data URLs', async (t) => {
  expectFailure(t, 'malformed', [
    'javascript:alert(1)', 'JavaScript:alert(document.cookie)', ' javascript://t.me/%0Aalert(1)',
    'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://t.me/durov/1', 'mailto:abuse@t.me',
    'tg://resolve?domain=durov&post=1', 'vbscript:msgbox(1)', 'ws://t.me/durov/1', 'intent://t.me/durov/1#Intent;end'
  ])
})

t.test('rejects credentials in the URL, which can disguise the real host', async (t) => {
  expectFailure(t, 'malformed', [
    'https://user:pass@t.me/durov/1', 'https://user@t.me/durov/1', 'https://@t.me/durov/1',
    'https://t.me@example.com/durov/1', 'user:pass@t.me/durov/1', 'https://www.youtube.com:pw@evil.example/watch?v=dQw4w9WgXcQ'
  ])
})

t.test('rejects input longer than the limit, and accepts input at the limit', async (t) => {
  const base = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&pad='
  const atLimit = base + 'a'.repeat(MAX_INPUT_LENGTH - base.length)
  t.equal(atLimit.length, MAX_INPUT_LENGTH)
  t.equal(recognizeUrl(atLimit).ok, true, 'exactly at the limit')
  t.same(recognizeUrl(atLimit + 'a'), { ok: false, reason: 'malformed' }, 'one character over')
  t.same(recognizeUrl('https://t.me/durov/1' + ' '.repeat(MAX_INPUT_LENGTH)), { ok: false, reason: 'malformed' }, 'padding counts')
})

t.test('answers unknown_platform for hosts of no catalogued platform', async (t) => {
  expectFailure(t, 'unknown_platform', [
    'https://example.com/durov/1', 'example.org', 'https://t.me.evil.example/durov/1', 'https://evil-t.me/durov/1',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ', 'https://mail.ru/', 'https://cloud.mail.ru/public/AbCd/xyz',
    'https://192.168.0.1/watch?v=dQw4w9WgXcQ', 'http://[::1]/', 'https://пример.рф/wall-1_1',
    'https://xn--e1afmkfd.xn--p1ai/', 'https://web.telegram.org/k/#@durov', 'https://vkontakte.com/wall-1_1',
    'https://instagram.com.ru/p/CxYz123AbC_/', 'https://fxtwitter.com/jack/status/20', 'localhost:8080/durov/1'
  ])
})

t.test('answers unsupported_path when a platform host names no piece of material', async (t) => {
  expectFailure(t, 'unsupported_path', [
    // Telegram
    'https://t.me/', 'https://t.me/share/url?url=https%3A%2F%2Fexample.com', 'https://t.me/+79991234567',
    'https://t.me/durov/abc', 'https://t.me/durov/1/2/3', 'https://t.me/c/abc/1', 'https://t.me/addstickers/SomePack',
    // TikTok
    'https://www.tiktok.com/', 'https://www.tiktok.com/foryou', 'https://www.tiktok.com/tag/news', 'https://vm.tiktok.com/',
    'https://www.tiktok.com/@scout2015/video/abc', 'https://ads.tiktok.com/@scout2015',
    // X
    'https://x.com/', 'https://x.com/home', 'https://x.com/search?q=news', 'https://x.com/i/flow/login',
    'https://twitter.com/jack/status/abc', 'https://x.com/this_name_is_far_too_long', 'https://t.co/',
    // Facebook
    'https://www.facebook.com/', 'https://www.facebook.com/login.php', 'https://developers.facebook.com/docs',
    'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com', 'https://www.facebook.com/watch/?v=abc',
    'https://www.facebook.com/permalink.php?story_fbid=1', 'https://www.facebook.com/marketplace/item/123', 'https://fb.watch/',
    // Instagram
    'https://www.instagram.com/', 'https://www.instagram.com/accounts/login/', 'https://www.instagram.com/explore/tags/news/',
    'https://www.instagram.com/p/', 'https://www.instagram.com/p/abc/', 'https://help.instagram.com/123',
    // VK
    'https://vk.com/', 'https://vk.com/login', 'https://vk.com/feed', 'https://vk.com/wall-1', 'https://vk.com/im?sel=1',
    'https://vk.com/durov/photos', 'https://dev.vk.com/method', 'https://vkvideo.ru/',
    // OK, Mail.ru, LiveJournal
    'https://ok.ru/', 'https://ok.ru/feed', 'https://ok.ru/group/abc', 'https://ok.ru/video/c12345',
    'https://my.mail.ru/', 'https://my.mail.ru/music', 'https://my.mail.ru/yandex/ivan/',
    'https://www.livejournal.com/', 'https://www.livejournal.com/login.bml', 'https://pics.livejournal.com/someone/pic/1',
    'https://some-user.livejournal.com/tag/news', 'https://a.b.livejournal.com/1.html',
    // YouTube
    'https://www.youtube.com/', 'https://www.youtube.com/watch?v=short', 'https://www.youtube.com/watch',
    'https://www.youtube.com/results?search_query=news', 'https://www.youtube.com/feed/trending', 'https://youtu.be/',
    'https://accounts.youtube.com/accounts/SetSID', 'https://www.youtube.com/channel/not-a-channel-id',
    // LinkedIn
    'https://www.linkedin.com/', 'https://www.linkedin.com/feed/', 'https://www.linkedin.com/login',
    'https://www.linkedin.com/posts/john-doe_no-id-here', 'https://lnkd.in/', 'https://developer.linkedin.com/docs'
  ])
})
