// Table rows for Facebook and Instagram: page, group and permalink posts, videos and reels, photos, profiles.
import type { Case } from './case.ts'

const FB_VIDEO = { kind: 'video', videoId: '1234567890123456' }
const FB_PAGE_POST = { kind: 'post', owner: 'examplepage', postId: '987654321098765' }
const FB_ID_POST = { kind: 'post', owner: '100064123456789', postId: '987654321098765' }
const IG_POST = { kind: 'post', shortcode: 'CxYz123AbC_' }

export const FACEBOOK: Case[] = [
  ['https://www.facebook.com/ExamplePage/posts/987654321098765', 'facebook', 'https://www.facebook.com/examplepage/posts/987654321098765', FB_PAGE_POST],
  ['https://m.facebook.com/examplepage/posts/987654321098765/?mibextid=abc&fbclid=IwAR0xyz', 'facebook', 'https://www.facebook.com/examplepage/posts/987654321098765', FB_PAGE_POST],
  ['fb.com/examplepage/posts/987654321098765', 'facebook', 'https://www.facebook.com/examplepage/posts/987654321098765', FB_PAGE_POST],
  ['https://web.facebook.com/examplepage/posts/987654321098765?_rdc=1&_rdr', 'facebook', 'https://www.facebook.com/examplepage/posts/987654321098765', FB_PAGE_POST],
  ['https://ru-ru.facebook.com/examplepage/posts/987654321098765', 'facebook', 'https://www.facebook.com/examplepage/posts/987654321098765', FB_PAGE_POST],
  ['https://www.facebook.com/examplepage/posts/pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz', 'facebook', 'https://www.facebook.com/examplepage/posts/pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz', { kind: 'post', owner: 'examplepage', postId: 'pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz' }],
  ['https://www.facebook.com/permalink.php?story_fbid=987654321098765&id=100064123456789', 'facebook', 'https://www.facebook.com/100064123456789/posts/987654321098765', FB_ID_POST],
  ['https://m.facebook.com/story.php?story_fbid=987654321098765&id=100064123456789&mibextid=Nif5oz', 'facebook', 'https://www.facebook.com/100064123456789/posts/987654321098765', FB_ID_POST],
  ['https://www.facebook.com/100064123456789/posts/987654321098765/', 'facebook', 'https://www.facebook.com/100064123456789/posts/987654321098765', FB_ID_POST],
  ['https://www.facebook.com/groups/examplegroup/posts/1122334455667788/', 'facebook', 'https://www.facebook.com/groups/examplegroup/posts/1122334455667788', { kind: 'post', group: 'examplegroup', postId: '1122334455667788' }],
  ['https://www.facebook.com/groups/ExampleGroup/permalink/1122334455667788/', 'facebook', 'https://www.facebook.com/groups/examplegroup/posts/1122334455667788', { kind: 'post', group: 'examplegroup', postId: '1122334455667788' }],
  ['https://www.facebook.com/groups/123456789/?multi_permalinks=1122334455667788', 'facebook', 'https://www.facebook.com/groups/123456789/posts/1122334455667788', { kind: 'post', group: '123456789', postId: '1122334455667788' }],
  ['https://www.facebook.com/groups/examplegroup/', 'facebook', 'https://www.facebook.com/groups/examplegroup', { kind: 'group', group: 'examplegroup' }],
  ['https://www.facebook.com/watch/?v=1234567890123456', 'facebook', 'https://www.facebook.com/watch/?v=1234567890123456', FB_VIDEO],
  ['https://www.facebook.com/watch?v=1234567890123456&ref=sharing', 'facebook', 'https://www.facebook.com/watch/?v=1234567890123456', FB_VIDEO],
  ['https://www.facebook.com/examplepage/videos/1234567890123456/', 'facebook', 'https://www.facebook.com/watch/?v=1234567890123456', FB_VIDEO],
  ['https://www.facebook.com/examplepage/videos/some-title-words/1234567890123456/', 'facebook', 'https://www.facebook.com/watch/?v=1234567890123456', FB_VIDEO],
  ['https://www.facebook.com/video.php?v=1234567890123456', 'facebook', 'https://www.facebook.com/watch/?v=1234567890123456', FB_VIDEO],
  ['https://www.facebook.com/reel/1234567890123456?sfnsn=mo', 'facebook', 'https://www.facebook.com/watch/?v=1234567890123456', FB_VIDEO],
  ['https://fb.watch/nXyZ12AbC_/', 'facebook', 'https://fb.watch/nXyZ12AbC_', { kind: 'short_link', shortCode: 'nXyZ12AbC_' }],
  ['https://www.facebook.com/share/p/1AbCdEfGhJ/', 'facebook', 'https://www.facebook.com/share/p/1AbCdEfGhJ', { kind: 'short_link', shortCode: '1AbCdEfGhJ', shareType: 'p' }],
  ['https://www.facebook.com/share/v/19XyZaBcD/?mibextid=wwXIfr', 'facebook', 'https://www.facebook.com/share/v/19XyZaBcD', { kind: 'short_link', shortCode: '19XyZaBcD', shareType: 'v' }],
  ['https://www.facebook.com/share/1AbCdEfGhJ/', 'facebook', 'https://www.facebook.com/share/1AbCdEfGhJ', { kind: 'short_link', shortCode: '1AbCdEfGhJ' }],
  ['https://www.facebook.com/photo/?fbid=445566778899&set=a.112233', 'facebook', 'https://www.facebook.com/photo/?fbid=445566778899', { kind: 'photo', photoId: '445566778899' }],
  ['https://www.facebook.com/photo.php?fbid=445566778899&set=pb.100.-2207520000&type=3', 'facebook', 'https://www.facebook.com/photo/?fbid=445566778899', { kind: 'photo', photoId: '445566778899' }],
  ['https://www.facebook.com/examplepage/photos/a.112233/445566778899/', 'facebook', 'https://www.facebook.com/photo/?fbid=445566778899', { kind: 'photo', photoId: '445566778899' }],
  ['https://www.facebook.com/profile.php?id=100012345678901&sk=photos', 'facebook', 'https://www.facebook.com/profile.php?id=100012345678901', { kind: 'profile', profileId: '100012345678901' }],
  ['https://www.facebook.com/100012345678901', 'facebook', 'https://www.facebook.com/profile.php?id=100012345678901', { kind: 'profile', profileId: '100012345678901' }],
  ['https://www.facebook.com/people/Some-Name/100012345678901/', 'facebook', 'https://www.facebook.com/profile.php?id=100012345678901', { kind: 'profile', profileId: '100012345678901' }],
  ['https://www.facebook.com/Example.Page/', 'facebook', 'https://www.facebook.com/example.page', { kind: 'profile', page: 'example.page' }],
  ['https://m.facebook.com/examplepage/about', 'facebook', 'https://www.facebook.com/examplepage', { kind: 'profile', page: 'examplepage' }],
  ['https://www.facebook.com/events/556677889900/', 'facebook', 'https://www.facebook.com/events/556677889900', { kind: 'event', eventId: '556677889900' }]
]

export const INSTAGRAM: Case[] = [
  ['https://www.instagram.com/p/CxYz123AbC_/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://instagram.com/p/CxYz123AbC_', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/p/CxYz123AbC_/?igshid=MzRlODBiNWFlZA==', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/p/CxYz123AbC_/?utm_source=ig_web_copy_link&igsh=abc', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/reel/CxYz123AbC_/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/reels/CxYz123AbC_/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/tv/CxYz123AbC_/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/some.user/p/CxYz123AbC_/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/some.user/reel/CxYz123AbC_/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://instagr.am/p/CxYz123AbC_/', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://m.instagram.com/p/CxYz123AbC_/#comments', 'instagram', 'https://www.instagram.com/p/CxYz123AbC_/', IG_POST],
  ['https://www.instagram.com/p/cxyz123abc_/', 'instagram', 'https://www.instagram.com/p/cxyz123abc_/', { kind: 'post', shortcode: 'cxyz123abc_' }],
  ['https://www.instagram.com/Some.User/', 'instagram', 'https://www.instagram.com/some.user/', { kind: 'profile', username: 'some.user' }],
  ['https://www.instagram.com/some.user?hl=ru', 'instagram', 'https://www.instagram.com/some.user/', { kind: 'profile', username: 'some.user' }],
  ['https://www.instagram.com/some.user/reels/', 'instagram', 'https://www.instagram.com/some.user/', { kind: 'profile', username: 'some.user' }],
  ['https://www.instagram.com/stories/some.user/3212345678901234567/', 'instagram', 'https://www.instagram.com/stories/some.user/3212345678901234567/', { kind: 'story', username: 'some.user', storyId: '3212345678901234567' }],
  ['https://www.instagram.com/stories/some.user/', 'instagram', 'https://www.instagram.com/some.user/', { kind: 'profile', username: 'some.user' }],
  ['https://www.instagram.com/stories/highlights/17912345678901234/', 'instagram', 'https://www.instagram.com/stories/highlights/17912345678901234/', { kind: 'highlight', highlightId: '17912345678901234' }],
  ['https://www.instagram.com/share/BAxYz12345', 'instagram', 'https://www.instagram.com/share/BAxYz12345/', { kind: 'short_link', shortCode: 'BAxYz12345' }],
  ['https://www.instagram.com/share/reel/BAxYz12345/', 'instagram', 'https://www.instagram.com/share/reel/BAxYz12345/', { kind: 'short_link', shortCode: 'BAxYz12345', shareType: 'reel' }]
]
